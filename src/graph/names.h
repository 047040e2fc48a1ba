// Microsoft Graph names, in one place for scenario/, request/ and rules/:
// the types a calls-API body can name, the kinds of identity in an identity
// set, and how an `@odata.type` value names a type.
//
// The case rule (GRAPH.md 1.2): `@odata.type` is `#microsoft.graph.<type>`,
// the leading `#` optional (the 2019-03-28 pages, the .NET SDKs). Nothing in
// the docs, the schemas' discriminator enums or permissions.json spells the
// namespace in any other case, and OData names are case-sensitive, so the
// namespace and the type name are compared exactly. Standard library only.
#ifndef CALLCHECK_GRAPH_NAMES_H_
#define CALLCHECK_GRAPH_NAMES_H_

#include <string_view>  // std::string_view
#include <vector>       // std::vector

namespace callcheck::graph {

inline constexpr std::string_view kNamespace = "microsoft.graph.";

// "#microsoft.graph.x" and "microsoft.graph.x" -> "x"; anything else -> "".
[[nodiscard]] auto type_name(std::string_view odata_type) -> std::string_view;

// The name to look up or suggest for any `@odata.type`: the Graph type name
// when it is one, else the value without its `#` ("#foo.bar" -> "foo.bar").
[[nodiscard]] auto unqualified(std::string_view odata_type) -> std::string_view;

// Every type a calls-API body or its notifications can name (GRAPH.md 1).
[[nodiscard]] auto known_types() -> const std::vector<std::string_view> &;
[[nodiscard]] auto is_known_type(std::string_view name) -> bool;

// identitySet and its derived communicationsIdentitySet.
[[nodiscard]] auto is_identity_set_type(std::string_view type) -> bool;
// Keys declared on identitySet and communicationsIdentitySet (GRAPH.md 1.2):
// the identity kinds plus the non-identity `endpointType`.
[[nodiscard]] auto is_identity_set_key(std::string_view key) -> bool;
// The identity members of an identity set: its keys minus `endpointType`.
[[nodiscard]] auto is_identity_kind(std::string_view key) -> bool;

}  // namespace callcheck::graph

#endif  // CALLCHECK_GRAPH_NAMES_H_
