// decode_token_roles (src/permissions/token.cc): reads `roles` from a JWT
// payload without verifying; no error message may carry token text.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "permissions/token.h"

namespace callcheck::detail {
namespace {

auto base64url(const std::string &bytes) -> std::string {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const auto n = (static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16U) |
                   (static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8U) |
                   static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 2]));
    out += kAlphabet[(n >> 18U) & 63U];
    out += kAlphabet[(n >> 12U) & 63U];
    out += kAlphabet[(n >> 6U) & 63U];
    out += kAlphabet[n & 63U];
  }
  if (i + 1 == bytes.size()) {
    const auto n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16U;
    out += kAlphabet[(n >> 18U) & 63U];
    out += kAlphabet[(n >> 12U) & 63U];
  } else if (i + 2 == bytes.size()) {
    const auto n = (static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16U) |
                   (static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8U);
    out += kAlphabet[(n >> 18U) & 63U];
    out += kAlphabet[(n >> 12U) & 63U];
    out += kAlphabet[(n >> 6U) & 63U];
  }
  return out;
}

const std::string kHeader = base64url(R"({"typ":"JWT","alg":"RS256","kid":"abc"})");
const std::string kSignature = "c2lnbmF0dXJlLW5vdC1jaGVja2Vk";

auto token(const std::string &payload_json) -> std::string {
  return kHeader + "." + base64url(payload_json) + "." + kSignature;
}

// No part of the token (of at least 4 characters) may appear in the error.
void expect_no_token_text(const TokenRoles &result, const std::string &tok) {
  if (!tok.empty()) {
    EXPECT_EQ(result.error.find(tok), std::string::npos);
  }
  std::size_t start = 0;
  while (start <= tok.size()) {
    const std::size_t dot = tok.find('.', start);
    const std::string part = tok.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (part.size() >= 4) {
      EXPECT_EQ(result.error.find(part), std::string::npos) << "leaks a token part";
    }
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
}

TEST(Base64Url, RoundTripsEveryLength) {
  std::string bytes;
  for (int i = 0; i < 40; ++i) {
    EXPECT_EQ(base64url_decode(base64url(bytes)).value_or("<bad>"), bytes);
    EXPECT_EQ(
        base64url_decode(base64url(bytes) + std::string((4 - base64url(bytes).size() % 4) % 4, '=')).value_or("<bad>"),
        bytes);
    bytes.push_back(static_cast<char>(i * 37 + 200));
  }
  EXPECT_FALSE(base64url_decode("a+b/").has_value());   // standard alphabet is not base64url
  EXPECT_FALSE(base64url_decode("abcde").has_value());  // dangling sextet
  EXPECT_FALSE(base64url_decode("ab cd").has_value());
}

TEST(Token, ValidTokenRoles) {
  const std::string tok = token(R"({"aud":"https://graph.microsoft.com","roles":["Calls.Initiate.All"]})");
  const TokenRoles r = decode_token_roles(tok);
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_EQ(r.roles, std::vector<std::string>{"Calls.Initiate.All"});
  EXPECT_TRUE(r.error.empty());
}

TEST(Token, BearerPrefixAndWhitespace) {
  const std::string tok = token(R"({"roles":["Calls.Initiate.All","Calls.AccessMedia.All"]})");
  for (const std::string &text : {"Bearer " + tok, "  bearer " + tok + "\n", tok + "\r\n", "\t" + tok}) {
    const TokenRoles r = decode_token_roles(text);
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.roles, (std::vector<std::string>{"Calls.Initiate.All", "Calls.AccessMedia.All"}));
  }
}

// The tenant the token was issued by (CC248, CC249): a string `tid` only.
TEST(Token, TenantFromTid) {
  const TokenRoles r = decode_token_roles(token(R"({"roles":[],"tid":"aa67bd4c-8475-432d-bd41-39f255720e0a"})"));
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.tenant, "aa67bd4c-8475-432d-bd41-39f255720e0a");
  EXPECT_EQ(decode_token_roles(token(R"({"roles":[]})")).tenant, std::nullopt);
  EXPECT_EQ(decode_token_roles(token(R"({"roles":[],"tid":42})")).tenant, std::nullopt);
  EXPECT_TRUE(decode_token_roles(token(R"({"roles":[],"tid":42})")).ok);
}

TEST(Token, EmptyRolesIsOk) {
  const TokenRoles r = decode_token_roles(token(R"({"roles":[]})"));
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(r.roles.empty());
}

TEST(Token, WithoutRolesExplainsDelegatedTokens) {
  const std::string tok = token(R"({"scp":"Calls.Initiate.All User.Read","upn":"secret@contoso.com"})");
  const TokenRoles r = decode_token_roles(tok);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.roles.empty());
  EXPECT_NE(r.error.find("no `roles` claim"), std::string::npos);
  EXPECT_NE(r.error.find("`scp`"), std::string::npos);
  EXPECT_EQ(r.error.find("secret"), std::string::npos);
  expect_no_token_text(r, tok);
}

TEST(Token, Malformed) {
  struct Case {
    std::string token;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"garbage-not-a-token-at-all", "not a JWT: expected three dot-separated parts"},
      {kHeader + "." + base64url(R"({"roles":["Calls.Initiate.All"]})"),
       "not a JWT: expected three dot-separated parts"},
      {kHeader + "..." + kSignature, "not a JWT: expected three dot-separated parts"},
      {kHeader + ".a.b." + kSignature, "not a JWT: expected three dot-separated parts"},
      {"", "not a JWT: expected three dot-separated parts"},
      {kHeader + ".eyJyb2xlcyI6WyJDYWxscy5Jbml0aWF0ZS5BbGwiXX0+/." + kSignature, "payload is not base64url"},
      {kHeader + ".eyJyb2xlcyI6WyJDYWxscy5Jbml0aWF0ZS5BbGwiXX0 x." + kSignature, "payload is not base64url"},
      {token("not json at all"), "payload is not a JSON object"},
      {token(R"(["roles"])"), "payload is not a JSON object"},
      {token(R"({"roles":["Calls.Initiate.All"]} trailing)"), "payload is not a JSON object"},
      {token(R"({"roles":[1]})"), "the `roles` claim is not an array of strings"},
      {token(R"({"roles":{"a":"b"}})"), "the `roles` claim is not an array of strings"},
  };
  for (const Case &c : cases) {
    const TokenRoles r = decode_token_roles(c.token);
    EXPECT_FALSE(r.ok) << c.error;
    EXPECT_TRUE(r.roles.empty());
    EXPECT_EQ(r.error, c.error);
    expect_no_token_text(r, c.token);
  }
}

TEST(Token, TooLong) {
  const std::string tok = token(R"({"roles":["Calls.Initiate.All"],"pad":")" + std::string(70000, 'x') + "\"}");
  const TokenRoles r = decode_token_roles(tok);
  EXPECT_FALSE(r.ok);
  EXPECT_FALSE(r.error.empty());
  expect_no_token_text(r, tok);
}

}  // namespace
}  // namespace callcheck::detail
