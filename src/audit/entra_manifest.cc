// requiredResourceAccess in the JSON shapes Entra and the Azure CLI use:
//   - the legacy (AAD Graph) app manifest: oauth2Permissions, replyUrlsWithType, …
//   - the Microsoft Graph app manifest, `az ad app show`, GET /applications/{id}
//     (the Graph `application` object): api, web, spa, publicClient, …
//   - a document holding only requiredResourceAccess (either shape: the member
//     is the same in both), or the bare list `az ad app create
//     --required-resource-accesses @file` takes and `az ad app permission list` prints.
// learn.microsoft.com/graph/api/resources/requiredresourceaccess and
// /resourceaccess: `type` is "Role" (an appRole id) or "Scope" (an
// oauth2PermissionScope id).
#include "audit/resource_access.h"

#include <array>  // std::array

namespace callcheck::detail {
namespace {

constexpr std::array<std::string_view, 7> kLegacyMarkers = {
    "oauth2Permissions", "replyUrlsWithType",          "oauth2AllowImplicitFlow", "oauth2AllowIdTokenImplicitFlow",
    "signInUrl",         "accessTokenAcceptedVersion", "allowPublicClient"};
constexpr std::array<std::string_view, 6> kGraphMarkers = {
    "api", "web", "spa", "publicClient", "@odata.context", "parentalControlSettings"};

template <std::size_t N>
auto has_any(const Value &object, const std::array<std::string_view, N> &names) -> bool {
  for (const std::string_view n : names) {
    if (member(object, n) != nullptr) return true;
  }
  return false;
}

// A list of {resourceAppId, resourceAccess} objects.
auto is_access_list(const Value &v) -> bool {
  if (!v.IsArray()) return false;
  for (const Value &e : v.GetArray()) {
    if (member(e, "resourceAppId") == nullptr || member(e, "resourceAccess") == nullptr) return false;
  }
  return true;
}

}  // namespace

auto read_entra_manifest(const Document &doc) -> std::optional<AppFile> {
  const Value &root = doc.root();
  AppFile out;
  out.method = ReadMethod::Parsed;
  if (root.IsArray()) {
    if (!is_access_list(root)) return std::nullopt;
    out.format = "entra-manifest";
    out.note = "a bare requiredResourceAccess list";
    read_resource_access(doc, root, "", kEntraKeys, "", "requiredResourceAccess", out);
    return out;
  }
  const Value *list = member(root, "requiredResourceAccess");
  if (list == nullptr || !(list->IsArray() && (list->Empty() || is_access_list(*list)))) return std::nullopt;
  out.format = has_any(root, kLegacyMarkers)  ? "entra-legacy-manifest"
               : has_any(root, kGraphMarkers) ? "graph-application"
                                              : "entra-manifest";
  if (const Value *app_id = member(root, "appId"); app_id != nullptr && app_id->IsString()) {
    out.app_id = std::string(view(*app_id));
    out.app_id_pointer = "/appId";
    out.app_id_span = doc.span("/appId");
  }
  read_resource_access(doc, *list, "/requiredResourceAccess", kEntraKeys, "", "requiredResourceAccess", out);
  return out;
}

}  // namespace callcheck::detail
