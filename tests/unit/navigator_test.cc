// Navigator (schema/navigator.h): the schema that governs a value, with $ref
// followed and a polymorphic slot resolved by its @odata.type, as the rules
// ask for it (CC201 "may this member be here", CC208 "is this the slot's type").
#include "document/rapidjson_adapter.h"

#include <gtest/gtest.h>

#include <algorithm>  // std::find
#include <string>     // std::string

#include "callcheck/options.h"
#include "document/document.h"
#include "schema/navigator.h"

namespace {

using callcheck::ApiVersion;
using callcheck::detail::Document;
using callcheck::detail::Navigator;

auto parse(const std::string &text) -> Document {
  Document doc = Document::parse(text, callcheck::Limits{});
  EXPECT_TRUE(doc.has_dom()) << text;
  return doc;
}

auto contains(const std::vector<std::string_view> &list, std::string_view item) -> bool {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(Navigator, TheRootIsTheCreateCallSchema) {
  const Navigator &nav = Navigator::for_call(ApiVersion::V1);
  ASSERT_TRUE(nav.root());
  EXPECT_EQ(Navigator::type_name(nav.root()), "call");
  EXPECT_TRUE(Navigator::has_property(nav.root(), "callbackUri"));
  EXPECT_FALSE(Navigator::has_property(nav.root(), "callbackUrl"));
  EXPECT_TRUE(contains(Navigator::property_names(nav.root()), "targets"));
  EXPECT_TRUE(Navigator::is_open(nav.root()));            // call accepts undeclared members (x-callcheck-open)
  EXPECT_EQ(&Navigator::for_call(ApiVersion::V1), &nav);  // built once per process
  EXPECT_NE(&Navigator::for_call(ApiVersion::Beta), &nav);
}

TEST(Navigator, RefsAreFollowedThroughArraysAndMembers) {
  const Document doc = parse(R"({ "targets": [ { "identity": { "user": { "id": "x" } } } ] })");
  const Navigator &nav = Navigator::for_call(ApiVersion::V1);
  EXPECT_EQ(Navigator::type_name(nav.at(doc, "/targets/0")), "invitationParticipantInfo");
  EXPECT_EQ(Navigator::type_name(nav.at(doc, "/targets/0/identity")), "identitySet");
  EXPECT_TRUE(Navigator::has_property(nav.at(doc, "/targets/0/identity"), "applicationInstance"));
  // The array itself: its type, and no Graph title.
  const auto targets = nav.at(doc, "/targets");
  ASSERT_TRUE(targets);
  EXPECT_TRUE(contains(Navigator::types(targets), "array"));
  EXPECT_EQ(Navigator::type_name(targets), "");
}

TEST(Navigator, ThePolymorphicSlotFollowsItsOdataType) {
  const Navigator &nav = Navigator::for_call(ApiVersion::V1);
  const Document service =
      parse(R"({ "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } })");
  const auto s = nav.at(service, "/mediaConfig");
  EXPECT_EQ(Navigator::type_name(s), "serviceHostedMediaConfig");
  EXPECT_TRUE(Navigator::has_property(s, "preFetchMedia"));
  EXPECT_FALSE(Navigator::has_property(s, "blob"));
  EXPECT_FALSE(Navigator::is_open(s));  // x-callcheck-open false: an undeclared member is CC102
  const Document app = parse(R"({ "mediaConfig": { "@odata.type": "#microsoft.graph.appHostedMediaConfig" } })");
  const auto a = nav.at(app, "/mediaConfig");
  EXPECT_EQ(Navigator::type_name(a), "appHostedMediaConfig");
  EXPECT_TRUE(Navigator::has_property(a, "blob"));
  // The slot itself names the types it accepts, with and without '#'.
  const auto values = Navigator::discriminator_values(
      Navigator::deref(Navigator::for_call(ApiVersion::V1).member(nav.root(), service.root(), "mediaConfig")));
  EXPECT_TRUE(contains(values, "#microsoft.graph.appHostedMediaConfig"));
  EXPECT_TRUE(contains(values, "#microsoft.graph.serviceHostedMediaConfig"));
}

TEST(Navigator, EnumsAndTypesOfLeaves) {
  const Document doc = parse(R"({ "requestedModalities": ["audio"], "direction": "outgoing" })");
  const Navigator &nav = Navigator::for_call(ApiVersion::V1);
  const auto modality = nav.at(doc, "/requestedModalities/0");
  EXPECT_TRUE(contains(Navigator::enum_values(modality), "audio"));
  EXPECT_TRUE(contains(Navigator::enum_values(modality), "videoBasedScreenSharing"));
  EXPECT_FALSE(contains(Navigator::enum_values(modality), "Audio"));
  EXPECT_TRUE(contains(Navigator::types(modality), "string"));
  const auto direction = nav.at(doc, "/direction");
  EXPECT_TRUE(contains(Navigator::types(direction), "string"));
  EXPECT_TRUE(contains(Navigator::types(direction), "null"));
}

TEST(Navigator, WhatNoSchemaGovernsIsEmpty) {
  const Document doc = parse(R"({ "targets": [ 1 ], "x": { "y": 1 } })");
  const Navigator &nav = Navigator::for_call(ApiVersion::V1);
  EXPECT_FALSE(nav.at(doc, "/nosuch"));     // no such value
  EXPECT_FALSE(nav.at(doc, "/targets/5"));  // past the end
  EXPECT_FALSE(nav.at(doc, "/x/y"));        // an undeclared member's children
  EXPECT_FALSE(nav.at(doc, "not a pointer"));
  EXPECT_EQ(Navigator::type_name({}), "");
  EXPECT_TRUE(Navigator::property_names({}).empty());
  EXPECT_FALSE(Navigator::has_property({}, "x"));
  EXPECT_TRUE(Navigator::is_open({}));  // as in JSON Schema: what no schema governs forbids no member
  EXPECT_TRUE(Navigator::enum_values({}).empty());
  EXPECT_FALSE(Navigator::deref({}));
}

TEST(Navigator, BetaDeclaresWhatV1DoesNot) {
  // ringingTimeoutInSeconds is beta-only (CC209).
  const Navigator &v1 = Navigator::for_call(ApiVersion::V1);
  const Navigator &beta = Navigator::for_call(ApiVersion::Beta);
  EXPECT_FALSE(Navigator::has_property(v1.root(), "ringingTimeoutInSeconds"));
  EXPECT_TRUE(Navigator::has_property(beta.root(), "ringingTimeoutInSeconds"));
}

}  // namespace
