// ARM JSON, the form Bicep compiles to, with Microsoft Graph Bicep resources
// (`Microsoft.Graph/applications@v1.0`, learn.microsoft.com/graph/templates/
// reference/applications): `requiredResourceAccess` in the resource body.
// `resources` is a list, or (languageVersion 2.0, which extensions such as
// Microsoft Graph need) an object keyed by symbolic name; the body is under
// `properties` in compiled templates and at the resource level in some
// hand-written ones. ARM expressions ("[parameters('x')]") cannot be evaluated
// here: they are CC612 findings.
#include "audit/resource_access.h"

#include <cctype>  // std::tolower

#include "document/pointer.h"

namespace callcheck::detail {
namespace {

auto graph_application(std::string_view type) -> bool {
  constexpr std::string_view kType = "microsoft.graph/applications";
  if (type.size() < kType.size()) return false;
  for (std::size_t i = 0; i < kType.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(type[i])) != kType[i]) return false;
  }
  return type.size() == kType.size() || type[kType.size()] == '@';
}

void read_resource(const Document &doc, const Value &resource, const std::string &pointer, std::string label,
                   AppFile &out) {
  if (!resource.IsObject() || !graph_application(string_member(resource, "type"))) return;
  const Value *properties = member(resource, "properties");
  const bool nested = properties != nullptr && properties->IsObject();
  const Value &body = nested ? *properties : resource;
  const std::string body_pointer = nested ? join_pointer(pointer, "properties") : pointer;
  if (label.empty()) label = string_member(resource, "name");
  if (label.empty()) label = string_member(body, "uniqueName");
  if (const Value *rra = member(body, "requiredResourceAccess")) {
    read_resource_access(doc, *rra, join_pointer(body_pointer, "requiredResourceAccess"), kEntraKeys, label,
                         "ARM template", out);
  }
}

}  // namespace

auto read_arm_template(const Document &doc) -> std::optional<AppFile> {
  const Value &root = doc.root();
  if (!root.IsObject()) return std::nullopt;
  const std::string schema = string_member(root, "$schema");
  const Value *resources = member(root, "resources");
  if (schema.find("deploymentTemplate") == std::string::npos || resources == nullptr) return std::nullopt;
  AppFile out;
  out.format = "arm-template";
  out.method = ReadMethod::Parsed;
  out.anchor = doc.span("/resources", true);
  out.anchor_pointer = "/resources";
  if (resources->IsArray()) {
    for (rapidjson::SizeType i = 0; i < resources->Size(); ++i) {
      read_resource(doc, (*resources)[i], "/resources/" + std::to_string(i), "", out);
    }
  } else if (resources->IsObject()) {
    for (auto it = resources->MemberBegin(); it != resources->MemberEnd(); ++it) {
      read_resource(doc, it->value, join_pointer("/resources", view(it->name)), std::string(view(it->name)), out);
    }
  }
  return out;
}

}  // namespace callcheck::detail
