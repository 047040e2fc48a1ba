// Terraform's machine-readable forms, which the Terraform ecosystem's
// checkers read instead of HCL:
//   - `terraform show -json` of a plan (planned_values, prior_state) or a state
//     (values): every value is evaluated, so references are already resolved;
//   - .tf.json configuration: the HCL structure as JSON, where values may
//     still be "${…}" interpolations.
// The azuread provider declares permissions in `azuread_application`
// (`required_resource_access { resource_app_id, resource_access { id, type } }`)
// and `azuread_application_api_access` (`api_client_id`, `role_ids`,
// `scope_ids`). registry.terraform.io/providers/hashicorp/azuread/latest/docs.
#include "audit/resource_access.h"

#include <fmt/format.h>

#include "audit/permission_ids.h"
#include "document/pointer.h"
#include "catalog/cc612_unresolved_permission_reference.h"

namespace callcheck::detail {
namespace {

constexpr std::size_t kMaxModuleDepth = 32;

void read_api_access(const Document &doc, const Value &values, const std::string &pointer,
                     const std::string &application, AppFile &out) {
  const std::string resource = string_member(values, "api_client_id");
  for (const auto &[key, type] : {std::pair<std::string_view, DeclaredType>{"role_ids", DeclaredType::Role},
                                  std::pair<std::string_view, DeclaredType>{"scope_ids", DeclaredType::Scope}}) {
    const Value *ids = member(values, key);
    if (ids == nullptr || !ids->IsArray()) continue;
    for (rapidjson::SizeType i = 0; i < ids->Size(); ++i) {
      std::string at = join_pointer(pointer, key);
      append_index(at, i);
      const Value &id = (*ids)[i];
      if (!id.IsString()) continue;
      RawPermission p;
      p.type = type;
      p.type_text = key == "role_ids" ? "Role" : "Scope";
      p.type_evidence = fmt::format("from `{}`", key);
      p.resource = is_expression(resource) ? std::string() : resource;
      p.application = application;
      p.pointer = at;
      p.span = doc.span(at);
      const std::string_view text = view(id);
      if (is_expression(text)) {
        const std::optional<NameReference> ref = name_reference(text);
        if (!ref) {
          out.findings.push_back(json_finding(
              doc, catalog::kUnresolvedPermissionReference,
              fmt::format("`{}` cannot be resolved to a permission", text),
              "declare the GUID literally, or audit `terraform show -json` (where references are evaluated)", at));
          continue;
        }
        p.name = ref->name;
        p.via = std::string(text);
      } else {
        p.id = std::string(text);
      }
      out.permissions.push_back(std::move(p));
    }
  }
}

void read_resource(const Document &doc, std::string_view type, const Value &body, const std::string &pointer,
                   const std::string &application, std::string_view how, AppFile &out) {
  if (type == "azuread_application") {
    for (const std::string_view key : {"client_id", "application_id"}) {
      const std::string id = string_member(body, key);
      if (out.app_id.empty() && !normal_guid(id).empty()) {
        out.app_id = id;
        out.app_id_pointer = join_pointer(pointer, key);
        out.app_id_span = doc.span(out.app_id_pointer);
      }
    }
    if (const Value *rra = member(body, "required_resource_access")) {
      read_resource_access(doc, *rra, join_pointer(pointer, "required_resource_access"), kTerraformKeys, application,
                           how, out);
    }
  } else if (type == "azuread_application_api_access") {
    read_api_access(doc, body, pointer, application, out);
  }
}

// `terraform show -json`: a module's resources, then its child modules.
void read_module(const Document &doc, const Value &module, const std::string &pointer, std::size_t depth,
                 AppFile &out) {
  if (depth > kMaxModuleDepth) return;
  if (const Value *resources = member(module, "resources"); resources != nullptr && resources->IsArray()) {
    for (rapidjson::SizeType i = 0; i < resources->Size(); ++i) {
      const Value &r = (*resources)[i];
      const Value *values = member(r, "values");
      if (values == nullptr || !values->IsObject()) continue;
      std::string at = join_pointer(pointer, "resources");
      append_index(at, i);
      read_resource(doc, string_member(r, "type"), *values, join_pointer(at, "values"), string_member(r, "address"),
                    "terraform show -json", out);
    }
  }
  if (const Value *children = member(module, "child_modules"); children != nullptr && children->IsArray()) {
    for (rapidjson::SizeType i = 0; i < children->Size(); ++i) {
      std::string at = join_pointer(pointer, "child_modules");
      append_index(at, i);
      read_module(doc, (*children)[i], at, depth + 1, out);
    }
  }
}

// .tf.json: {"resource": {"TYPE": {"NAME": {body} | [{body}]}}} or a list of such objects.
void read_tf_resources(const Document &doc, const Value &resource, const std::string &pointer, AppFile &out) {
  if (resource.IsArray()) {
    for (rapidjson::SizeType i = 0; i < resource.Size(); ++i) {
      std::string at = pointer;
      append_index(at, i);
      read_tf_resources(doc, resource[i], at, out);
    }
    return;
  }
  if (!resource.IsObject()) return;
  for (auto t = resource.MemberBegin(); t != resource.MemberEnd(); ++t) {
    const std::string_view type = view(t->name);
    if (!t->value.IsObject()) continue;
    const std::string type_pointer = join_pointer(pointer, type);
    for (auto n = t->value.MemberBegin(); n != t->value.MemberEnd(); ++n) {
      const std::string name_pointer = join_pointer(type_pointer, view(n->name));
      const std::string application = fmt::format("{}.{}", type, view(n->name));
      if (n->value.IsArray()) {
        for (rapidjson::SizeType i = 0; i < n->value.Size(); ++i) {
          std::string at = name_pointer;
          append_index(at, i);
          read_resource(doc, type, n->value[i], at, application, ".tf.json", out);
        }
      } else {
        read_resource(doc, type, n->value, name_pointer, application, ".tf.json", out);
      }
    }
  }
}

}  // namespace

auto read_terraform_json(const Document &doc) -> std::optional<AppFile> {
  const Value &root = doc.root();
  if (!root.IsObject()) return std::nullopt;
  AppFile out;
  out.method = ReadMethod::Parsed;
  out.anchor = doc.span("");
  if (member(root, "format_version") != nullptr &&
      (member(root, "planned_values") != nullptr || member(root, "values") != nullptr ||
       member(root, "prior_state") != nullptr || member(root, "terraform_version") != nullptr)) {
    out.format = "terraform-show-json";
    // A plan's planned_values already holds what resource_changes would
    // repeat; a state has its resources under values.
    std::string at;
    const Value *module = nullptr;
    for (const char *path : {"/planned_values/root_module", "/values/root_module", "/prior_state/values/root_module"}) {
      module = doc.find(path);
      if (module != nullptr) {
        at = path;
        break;
      }
    }
    if (module != nullptr) read_module(doc, *module, at, 0, out);
    return out;
  }
  const Value *resource = member(root, "resource");
  const bool terraform = resource != nullptr || member(root, "terraform") != nullptr ||
                         member(root, "locals") != nullptr || member(root, "provider") != nullptr ||
                         member(root, "module") != nullptr;
  if (!terraform || member(root, "requiredResourceAccess") != nullptr || member(root, "$schema") != nullptr) {
    return std::nullopt;
  }
  out.format = "terraform-json";
  if (resource != nullptr) read_tf_resources(doc, *resource, "/resource", out);
  return out;
}

}  // namespace callcheck::detail
