// request/request_line.h: the one request-line splitter the extractor, the
// request decision and CC501 share.
#include "request/request_line.h"

#include <gtest/gtest.h>

namespace {

using callcheck::detail::split_request_line;
using callcheck::detail::target_path;

TEST(RequestLine, MethodTargetAndVersion) {
  const auto r = split_request_line("  POST https://graph.microsoft.com/beta/app/calls HTTP/1.1\r");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->method, "POST");
  EXPECT_EQ(r->target, "https://graph.microsoft.com/beta/app/calls");
  EXPECT_EQ(r->text, "POST https://graph.microsoft.com/beta/app/calls HTTP/1.1");
}

TEST(RequestLine, TabsAndRepeatedBlanks) {
  const auto r = split_request_line("post\t \t{{host}}/v1.0/communications/calls");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->method, "post");  // as written: callers decide on case
  EXPECT_EQ(r->target, "{{host}}/v1.0/communications/calls");
}

TEST(RequestLine, NeedsAMethodAndATarget) {
  EXPECT_FALSE(split_request_line("").has_value());
  EXPECT_FALSE(split_request_line("POST").has_value());
  EXPECT_FALSE(split_request_line("POST   ").has_value());
  EXPECT_FALSE(split_request_line("https://graph.microsoft.com/v1.0/communications/calls").has_value());
}

TEST(RequestLine, TargetPath) {
  EXPECT_EQ(target_path("https://graph.microsoft.com/beta/app/calls?x=1#y"), "/beta/app/calls");
  EXPECT_EQ(target_path("/v1.0/communications/calls"), "/v1.0/communications/calls");
  EXPECT_EQ(target_path("https://graph.microsoft.com"), "");
  EXPECT_EQ(target_path("{{host}}/beta/app/calls"), "{{host}}/beta/app/calls");
}

}  // namespace
