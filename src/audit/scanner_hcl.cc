// Phase 3 of the scanner for HCL: values at declaring positions, and
// references resolved through the literal maps in `locals`.
#include "audit/scanner.h"

#include <fmt/format.h>

namespace callcheck::detail::scan {

auto Scanner::guid_in(std::size_t begin, std::size_t end) -> GuidAt * {
  const auto it = std::lower_bound(guids_.begin(), guids_.end(), begin,
                                   [](const GuidAt &g, std::size_t at) { return g.offset < at; });
  return it != guids_.end() && it->offset < end ? &*it : nullptr;
}

auto Scanner::name_in(std::size_t begin, std::size_t end) -> NameAt * {
  auto it = std::lower_bound(names_.begin(), names_.end(), begin,
                             [](const NameAt &n, std::size_t at) { return n.offset < at; });
  for (; it != names_.end() && it->offset < end; ++it) {
    if (it->ref && it->ref_begin >= begin && it->ref_begin < end) return &*it;
  }
  return nullptr;
}

auto Scanner::assignment_in(int group, std::string_view key) const -> const Assignment * {
  const auto it = assignment_index_.find(std::make_pair(group, std::string(key)));
  return it == assignment_index_.end() ? nullptr : &assignments_[it->second];
}

auto Scanner::locals_groups() const -> std::vector<int> {
  if (!locals_) {
    locals_.emplace();
    for (std::size_t i = 0; i < groups_.size(); ++i) {
      if (groups_[i].key == "locals") locals_->push_back(static_cast<int>(i));
    }
  }
  return *locals_;
}

auto Scanner::resolve(const std::string &reference, int depth) const -> std::optional<Resolved> {
  if (depth > kMaxResolveDepth || reference.rfind("local.", 0) != 0) return std::nullopt;
  std::vector<std::string> parts;
  std::string_view rest = std::string_view(reference).substr(6);
  while (!rest.empty()) {
    if (rest.front() == '.') {
      rest.remove_prefix(1);
      continue;
    }
    if (rest.front() == '[') {
      const std::size_t close = rest.find(']');
      if (close == std::string_view::npos) return std::nullopt;
      std::string_view key = rest.substr(1, close - 1);
      if (key.size() >= 2 && key.front() == '"' && key.back() == '"') key = key.substr(1, key.size() - 2);
      parts.emplace_back(key);
      rest.remove_prefix(close + 1);
      continue;
    }
    std::size_t end = 0;
    while (end < rest.size() && rest[end] != '.' && rest[end] != '[') ++end;
    parts.emplace_back(rest.substr(0, end));
    rest.remove_prefix(end);
  }
  if (parts.empty()) return std::nullopt;
  const Assignment *at = nullptr;
  for (const int locals : locals_groups()) {
    at = assignment_in(locals, parts[0]);
    if (at != nullptr) break;
  }
  for (std::size_t i = 1; at != nullptr && i < parts.size(); ++i) {
    if (at->kind != Assignment::Kind::Open) return std::nullopt;
    at = assignment_in(at->value_group, parts[i]);
  }
  if (at == nullptr) return std::nullopt;
  if (at->kind == Assignment::Kind::Reference) {
    if (name_reference(at->value + "\"")) return Resolved{at, reference};
    std::optional<Resolved> next = resolve(at->value, depth + 1);
    if (next) next->via = reference + " -> " + next->via;
    return next;
  }
  if (at->kind == Assignment::Kind::Literal) return Resolved{at, reference};
  return std::nullopt;
}

void Scanner::declare_value(const Assignment &a, std::size_t offset, std::size_t end, const std::string &value,
                            Assignment::Kind kind, DeclaredType type, std::string type_text, std::string type_evidence,
                            AppFile &out) {
  RawPermission p;
  p.application = application_of(a.group);
  p.type = type;
  p.type_text = std::move(type_text);
  p.type_evidence = std::move(type_evidence);
  p.span = span(offset, end);
  if (kind == Assignment::Kind::Literal) {
    if (GuidAt *g = guid_in(offset, end)) {
      consumed_.insert(g->offset);
      RawPermission from = permission_for_guid(*g);
      p.id = from.id;
      p.label = from.label;
      p.label_span = from.label_span;
      p.span = from.span;
    } else if (NameAt *n = name_in(offset, end)) {
      n->used = true;
      p.name = std::string(text_.substr(n->offset, n->length));
      p.span = span(n->offset, n->offset + n->length);
      if (p.type == DeclaredType::Unknown) p.type = *n->ref;
    } else {
      p.id = value;  // not a GUID: evaluate reports it (CC605)
    }
    out.permissions.push_back(std::move(p));
    return;
  }
  if (NameAt *n = name_in(offset, end)) {
    n->used = true;
    p.name = std::string(text_.substr(n->offset, n->length));
    p.span = span(n->offset, n->offset + n->length);
    if (p.type == DeclaredType::Unknown) p.type = *n->ref;
    out.permissions.push_back(std::move(p));
    return;
  }
  const std::optional<Resolved> r = resolve(value, 0);
  if (!r) {
    out.findings.push_back(AppFinding{
        &catalog::kUnresolvedPermissionReference, fmt::format("`{}` cannot be resolved to a permission", value),
        "declare the GUID literally (or in a `locals` map in this file), or audit `terraform show -json`, where "
        "references are evaluated",
        span(offset, end), "", std::nullopt});
    return;
  }
  p.via = r->via;
  const Assignment &d = *r->definition;
  if (d.kind == Assignment::Kind::Literal) {
    if (GuidAt *g = guid_in(d.value_offset, d.value_offset + d.value.size())) consumed_.insert(g->offset);
    p.id = d.value;
  } else if (NameAt *n = name_in(d.value_offset, d.value_offset + d.value.size() + 1)) {
    n->used = true;
    p.name = std::string(text_.substr(n->offset, n->length));
    if (p.type == DeclaredType::Unknown) p.type = *n->ref;
  }
  // The map key names the permission the author meant (`calls_initiate_all`).
  if (const PermissionInfo *meant = table_.by_loose_name(d.key)) {
    p.label = meant->name;
    p.label_span = span(d.key_offset, d.key_offset + d.key.size());
  }
  out.permissions.push_back(std::move(p));
}

void Scanner::hcl_declarations(AppFile &out) {
  for (const Assignment &a : assignments_) {
    const Group *g = group_at(a.group);
    const bool id_in_block = a.key == "id" && g != nullptr && g->key == "resource_access";
    if (id_in_block || a.key == "app_role_id") {
      std::string type_text;
      std::string evidence;
      DeclaredType type = a.key == "app_role_id" ? DeclaredType::Role : DeclaredType::Unknown;
      if (const Assignment *t = assignment_in(a.group, "type"); t != nullptr && t->kind == Assignment::Kind::Literal) {
        type_text = t->value;
        type = t->value == "Role"    ? DeclaredType::Role
               : t->value == "Scope" ? DeclaredType::Scope
                                     : DeclaredType::Other;
        if (line_of(t->key_offset) != line_of(a.key_offset))
          evidence = fmt::format("from line {}", line_of(t->key_offset));
      } else if (a.key == "app_role_id") {
        type_text = "Role";
        evidence = "from app_role_id";
      }
      const std::size_t end =
          a.kind == Assignment::Kind::Literal ? a.value_offset + a.value.size() : a.value_offset + a.value.size();
      if (a.kind == Assignment::Kind::Literal || a.kind == Assignment::Kind::Reference) {
        declare_value(a, a.value_offset, end, a.value, a.kind, type, type_text, evidence, out);
      }
      continue;
    }
    if ((a.key == "role_ids" || a.key == "scope_ids") && a.kind == Assignment::Kind::Open) {
      const Group *list = group_at(a.value_group);
      if (list == nullptr || list->close == std::string_view::npos) continue;
      const bool roles = a.key == "role_ids";
      list_elements(a, *list, roles ? DeclaredType::Role : DeclaredType::Scope, out);
    }
  }
  // Literal GUIDs that nothing declares are definitions: checked (an
  // invented id under a real name is still wrong), never granted.
  for (const GuidAt &g : guids_) {
    if (g.comment || consumed_.count(g.offset) > 0 || resource_or_placeholder_id(text_.substr(g.offset, 36))) continue;
    RawPermission p = permission_for_guid(g);
    if (const auto it = literal_at_.find(g.offset); it != literal_at_.end() && p.label.empty()) {
      const Assignment &a = assignments_[it->second];
      if (const PermissionInfo *meant = table_.by_loose_name(a.key)) {
        p.label = meant->name;
        p.label_span = span(a.key_offset, a.key_offset + a.key.size());
      }
    }
    if (!permission_context(p, g)) continue;
    p.declares = false;
    out.permissions.push_back(std::move(p));
  }
  for (NameAt &n : names_) {
    if (!n.ref || n.used) continue;
    n.used = true;
    out.permissions.push_back(name_permission(n, false));
  }
}

void Scanner::list_elements(const Assignment &a, const Group &list, DeclaredType type, AppFile &out) {
  const std::string type_text = type == DeclaredType::Role ? "Role" : "Scope";
  const std::string evidence = fmt::format("from `{}`", a.key);
  std::size_t i = list.open + 1;
  while (i < list.close) {
    const char c = text_[i];
    if (cls_[i] == Cls::Comment || std::isspace(static_cast<unsigned char>(c)) != 0 || c == ',') {
      ++i;
      continue;
    }
    if (c == '"') {
      const std::size_t close = text_.find('"', i + 1);
      if (close == std::string_view::npos || close > list.close) break;
      declare_value(a, i + 1, close, std::string(text_.substr(i + 1, close - i - 1)), Assignment::Kind::Literal, type,
                    type_text, evidence, out);
      i = close + 1;
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
      const std::string reference = reference_at(i);
      declare_value(a, i, i + reference.size(), reference, Assignment::Kind::Reference, type, type_text, evidence, out);
      i += std::max<std::size_t>(1, reference.size());
      continue;
    }
    ++i;
  }
}

void Scanner::stray_names(AppFile &out) const {
  for (const NameAt &n : names_) {
    if (n.used) continue;
    const std::string_view word = text_.substr(n.offset, n.length);
    if (word.rfind("Calls.", 0) != 0 || table_.by_name(word) != nullptr) continue;
    RawPermission p;
    p.name = std::string(word);
    p.span = span(n.offset, n.offset + n.length);
    p.declares = false;
    p.in_comment = true;
    p.type = DeclaredType::Unknown;
    out.permissions.push_back(std::move(p));
  }
}

}  // namespace callcheck::detail::scan
