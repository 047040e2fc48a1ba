#include "audit/resource_access.h"

#include <fmt/format.h>

#include "audit/permission_ids.h"
#include "document/pointer.h"
#include "catalog/cc612_unresolved_permission_reference.h"

namespace callcheck::detail {

auto view(const Value &string) -> std::string_view { return {string.GetString(), string.GetStringLength()}; }

auto member(const Value &object, std::string_view name) -> const Value * {
  if (!object.IsObject()) return nullptr;
  for (auto it = object.MemberBegin(); it != object.MemberEnd(); ++it) {
    if (view(it->name) == name) return &it->value;
  }
  return nullptr;
}

auto string_member(const Value &object, std::string_view name) -> std::string {
  const Value *v = member(object, name);
  return v != nullptr && v->IsString() ? std::string(view(*v)) : std::string();
}

auto name_reference(std::string_view text) -> std::optional<NameReference> {
  for (const auto &[marker, type] :
       {std::pair<std::string_view, DeclaredType>{"app_role_ids[", DeclaredType::Role},
        std::pair<std::string_view, DeclaredType>{"oauth2_permission_scope_ids[", DeclaredType::Scope}}) {
    const std::size_t at = text.find(marker);
    if (at == std::string_view::npos) continue;
    std::size_t begin = at + marker.size();
    while (begin < text.size() && (text[begin] == ' ' || text[begin] == '\\')) ++begin;
    if (begin >= text.size() || text[begin] != '"') return std::nullopt;
    ++begin;
    const std::size_t end = text.find('"', begin);
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view name = text.substr(begin, end - begin);
    if (!name.empty() && name.back() == '\\') name.remove_suffix(1);  // "\"X\"" inside JSON text
    if (name.empty()) return std::nullopt;
    return NameReference{std::string(name), type, begin};
  }
  return std::nullopt;
}

auto is_expression(std::string_view text) -> bool {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') return true;
  return text.find("${") != std::string_view::npos;
}

auto json_finding(const Document &doc, const RuleMeta &rule, std::string message, std::string help,
                  const std::string &pointer, bool key) -> AppFinding {
  return AppFinding{&rule, std::move(message), std::move(help), doc.span(pointer, key), pointer, std::nullopt};
}

namespace {

auto declared_type(std::string_view text) -> DeclaredType {
  if (text == "Role") return DeclaredType::Role;
  if (text == "Scope") return DeclaredType::Scope;
  return DeclaredType::Other;
}

// One resourceAccess element: {id, type} plus any member whose value names a
// permission (`"_comment": "Calendars.Read"`), which is its label.
void read_access(const Document &doc, const Value &access, const std::string &pointer, const AccessKeys &keys,
                 const std::string &resource, const std::string &application, std::string_view how, AppFile &out) {
  if (!access.IsObject()) return;
  RawPermission p;
  p.resource = resource;
  p.application = application;
  const std::string id_pointer = join_pointer(pointer, keys.id);
  p.pointer = id_pointer;
  p.span = doc.span(id_pointer);
  if (const Value *type = member(access, keys.type); type != nullptr && type->IsString()) {
    p.type_text = std::string(view(*type));
    p.type = declared_type(p.type_text);
  }
  const PermissionIds &table = PermissionIds::builtin();
  for (auto it = access.MemberBegin(); it != access.MemberEnd(); ++it) {
    const std::string_view key = view(it->name);
    if (key == keys.id || key == keys.type || !it->value.IsString()) continue;
    if (table.looks_like_permission(view(it->value))) {
      p.label = std::string(view(it->value));
      p.label_span = doc.span(join_pointer(pointer, key));
      break;
    }
  }
  const Value *id = member(access, keys.id);
  if (id == nullptr || !id->IsString()) {
    out.findings.push_back(json_finding(doc, catalog::kUnresolvedPermissionReference,
                                        fmt::format("this {} entry has no literal `{}`: the permission it declares "
                                                    "cannot be resolved",
                                                    how, keys.id),
                                        "declare the permission's GUID literally", pointer));
    return;
  }
  const std::string_view text = view(*id);
  if (is_expression(text)) {
    if (const std::optional<NameReference> ref = name_reference(text)) {
      p.name = ref->name;
      if (p.type == DeclaredType::Unknown) p.type = ref->type;
      p.via = std::string(text);
      out.permissions.push_back(std::move(p));
      return;
    }
    out.findings.push_back(json_finding(
        doc, catalog::kUnresolvedPermissionReference, fmt::format("`{}` cannot be resolved to a permission", text),
        "declare the GUID literally, or audit the evaluated form (`terraform show -json`, or the deployed "
        "application from `az ad app show`)",
        id_pointer));
    return;
  }
  p.id = std::string(text);
  out.permissions.push_back(std::move(p));
}

void read_resource(const Document &doc, const Value &entry, const std::string &pointer, const AccessKeys &keys,
                   const std::string &application, std::string_view how, AppFile &out) {
  if (!entry.IsObject()) return;
  const std::string resource = string_member(entry, keys.resource_app_id);
  const Value *access = member(entry, keys.resource_access);
  if (access == nullptr) return;
  const std::string access_pointer = join_pointer(pointer, keys.resource_access);
  if (resource.empty() || normal_guid(resource) == kGraphAppId) {
    out.anchor = doc.span(access_pointer, true);
    out.anchor_pointer = access_pointer;
  }
  if (access->IsObject()) {  // .tf.json allows one block object in place of a list
    read_access(doc, *access, access_pointer, keys, resource, application, how, out);
    return;
  }
  if (!access->IsArray()) return;
  for (rapidjson::SizeType i = 0; i < access->Size(); ++i) {
    std::string at = access_pointer;
    append_index(at, i);
    read_access(doc, (*access)[i], at, keys, resource, application, how, out);
  }
}

}  // namespace

void read_resource_access(const Document &doc, const Value &list, const std::string &pointer, const AccessKeys &keys,
                          const std::string &application, std::string_view how, AppFile &out) {
  if (out.anchor_pointer.empty()) {
    out.anchor = doc.span(pointer, true);
    out.anchor_pointer = pointer;
  }
  if (list.IsObject()) {
    read_resource(doc, list, pointer, keys, application, how, out);
    return;
  }
  if (!list.IsArray()) return;
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    std::string at = pointer;
    append_index(at, i);
    read_resource(doc, list[i], at, keys, application, how, out);
  }
}

}  // namespace callcheck::detail
