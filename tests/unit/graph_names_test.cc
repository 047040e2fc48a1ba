// graph/names.h: the one reading of `@odata.type` and the Graph name lists
// that scenario/, request/ and rules/ share.
#include "graph/names.h"

#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "graph/name_set.h"

#include <gtest/gtest.h>

namespace {

using callcheck::graph::is_identity_kind;
using callcheck::graph::is_identity_set_key;
using callcheck::graph::is_known_type;
using callcheck::graph::type_name;
using callcheck::graph::unqualified;

TEST(GraphNames, TypeNameWithOrWithoutHash) {
  EXPECT_EQ(type_name("#microsoft.graph.appHostedMediaConfig"), "appHostedMediaConfig");
  EXPECT_EQ(type_name("microsoft.graph.appHostedMediaConfig"), "appHostedMediaConfig");  // 2019-03-28 pages, .NET SDKs
  EXPECT_EQ(type_name("#microsoft.graph."), "");
  EXPECT_EQ(type_name("#foo.bar"), "");
  EXPECT_EQ(type_name(""), "");
  EXPECT_EQ(type_name("#"), "");
}

// The namespace and the type name are compared exactly (GRAPH.md 1.2: no doc
// payload, schema discriminator or permissions.json entry spells them otherwise).
TEST(GraphNames, CaseSensitive) {
  EXPECT_EQ(type_name("#Microsoft.Graph.identitySet"), "");
  EXPECT_EQ(type_name("#MICROSOFT.GRAPH.call"), "");
  EXPECT_EQ(type_name("#microsoft.graph.IdentitySet"), "IdentitySet");
  EXPECT_FALSE(is_known_type("IdentitySet"));
  EXPECT_TRUE(is_known_type("identitySet"));
}

// The length-first lookup behind is_known_type and the shape decision's call
// members: same length, same first byte, a byte later on, the empty name and
// names longer than its last bucket all tell apart.
TEST(GraphNames, NameSetMatchesExactly) {
  const std::string long_a(70, 'a');
  const std::string long_b = std::string(69, 'a') + "b";
  const std::string_view names[] = {"user", "guest", "phone", "", long_a, "tenantId"};
  const callcheck::graph::NameSet set(names);
  for (const std::string_view n : names) EXPECT_TRUE(set.contains(n)) << n;
  EXPECT_FALSE(set.contains("usex"));   // same length and first byte
  EXPECT_FALSE(set.contains("xser"));   // same length, other first byte
  EXPECT_FALSE(set.contains("users"));  // a prefix is no match
  EXPECT_FALSE(set.contains("tenantID"));
  EXPECT_FALSE(set.contains(long_b));                // same (last) bucket
  EXPECT_FALSE(set.contains(std::string(71, 'a')));  // longer still
  const std::string_view one[] = {"a"};
  EXPECT_FALSE(callcheck::graph::NameSet(one).contains(""));
}

TEST(GraphNames, EveryKnownTypeIsKnown) {
  for (const std::string_view t : callcheck::graph::known_types()) EXPECT_TRUE(is_known_type(t)) << t;
  EXPECT_FALSE(is_known_type("cal"));
  EXPECT_FALSE(is_known_type("calls"));
  EXPECT_FALSE(is_known_type(""));
}

TEST(GraphNames, UnqualifiedKeepsOtherNamesWithoutHash) {
  EXPECT_EQ(unqualified("#microsoft.graph.identity"), "identity");
  EXPECT_EQ(unqualified("#foo.bar"), "foo.bar");
  EXPECT_EQ(unqualified("#Microsoft.Graph.identity"), "Microsoft.Graph.identity");
  EXPECT_EQ(unqualified("identity"), "identity");
}

TEST(GraphNames, IdentityKinds) {
  for (const char *kind : {"user", "application", "device", "applicationInstance", "phone", "guest", "encrypted",
                           "onPremises", "azureCommunicationServicesUser", "assertedIdentity"}) {
    EXPECT_TRUE(is_identity_kind(kind)) << kind;
    EXPECT_TRUE(is_identity_set_key(kind)) << kind;
  }
  EXPECT_TRUE(is_identity_set_key("endpointType"));
  EXPECT_FALSE(is_identity_kind("endpointType"));  // declared on the set, but no identity
  EXPECT_FALSE(is_identity_set_key("User"));
  EXPECT_FALSE(is_identity_set_key("conversation"));  // 2021 beta page only
}

}  // namespace
