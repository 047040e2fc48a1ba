// Phase 3 of the scanner, shared and for scripts: what each GUID and name
// declares, its label and type.
#include "audit/scanner.h"

#include <fmt/format.h>

namespace callcheck::detail::scan {

auto Scanner::group_at(int index) const -> const Group * {
  return index < 0 ? nullptr : &groups_[static_cast<std::size_t>(index)];
}

auto Scanner::application_of(int group) const -> std::string {
  for (const Group *g = group_at(group); g != nullptr; g = group_at(g->parent)) {
    if (g->key == "resource" && g->labels.size() == 2) return g->labels[0] + "." + g->labels[1];
  }
  return {};
}

auto Scanner::record_type(int group) const -> std::optional<TypeAt> {
  if (group < 0) return std::nullopt;
  const auto it = types_by_group_.find(group);
  if (it == types_by_group_.end()) return std::nullopt;
  std::optional<TypeAt> found;
  for (const std::size_t i : it->second) {
    const TypeAt &t = types_[i];
    if (t.attached_to_guid) continue;
    if (found && found->value != t.value) return std::nullopt;
    found = t;
  }
  return found;
}

auto Scanner::label_for(const GuidAt &g) -> NameAt * {
  NameAt *on_line = nullptr;
  int names_on_line = 0;
  if (const auto it = names_by_line_.find(g.line); it != names_by_line_.end()) {
    for (const std::size_t i : it->second) {
      if (names_[i].ref) continue;
      ++names_on_line;
      on_line = &names_[i];
    }
  }
  const std::size_t guids_on_line = guids_by_line_[g.line].size();
  if (names_on_line == 1 && guids_on_line == 1) return on_line;
  const Group *record = group_at(g.group);
  if (record == nullptr || names_on_line > 0 || record->close == std::string_view::npos ||
      line_of(record->close) - line_of(record->open) > kMaxRecordLines) {
    return nullptr;
  }
  NameAt *in_record = nullptr;
  int count = 0;
  for (const std::size_t i : names_by_group_[g.group]) {
    if (names_[i].comment || names_[i].ref) continue;
    ++count;
    in_record = &names_[i];
  }
  return count == 1 && code_guids_by_group_[g.group] == 1 ? in_record : nullptr;
}

auto Scanner::label_of_value(const std::string &value) -> NameAt * {
  const auto cached = value_labels_.find(value);
  if (cached != value_labels_.end()) return cached->second;
  NameAt *found = nullptr;
  for (const std::size_t i : guids_by_value_[value]) {
    found = label_for(guids_[i]);
    if (found != nullptr) break;
  }
  value_labels_.emplace(value, found);
  return found;
}

void Scanner::set_label(RawPermission &p, NameAt *label) const {
  if (label == nullptr) return;
  label->used = true;
  p.label = std::string(text_.substr(label->offset, label->length));
  p.label_span = span(label->offset, label->offset + label->length);
}

auto Scanner::permission_for_guid(const GuidAt &g) -> RawPermission {
  RawPermission p;
  p.id = std::string(text_.substr(g.offset, 36));
  p.span = span(g.offset, g.offset + 36);
  p.application = application_of(g.group);
  if (!g.attached.empty()) {
    p.type_text = g.attached;
  } else if (const std::optional<TypeAt> t = record_type(g.group)) {
    p.type_text = t->value;
    if (t->line != g.line) p.type_evidence = fmt::format("from line {}", t->line);
  }
  p.type = p.type_text == "Role"    ? DeclaredType::Role
           : p.type_text == "Scope" ? DeclaredType::Scope
                                    : DeclaredType::Unknown;
  set_label(p, label_for(g));
  // Comments that mention the same GUID elsewhere name it too
  // (`# Calls.JoinGroupCall.All: f6594d00-…` above the command).
  if (p.label.empty()) set_label(p, label_of_value(normal_guid(p.id)));
  return p;
}

auto Scanner::permission_context(const RawPermission &p, const GuidAt &g) const -> bool {
  if (!table_.by_id(p.id).empty()) return true;
  return !g.attached.empty() || !p.label.empty() || (record_type(g.group).has_value() && hcl_);
}

void Scanner::script_declarations(AppFile &out) {
  // A type written once for a loop (`"$p=Role"`, `@{ Id = $x.Id; Type = 'Role' }`)
  // is the type of every GUID that has none of its own.
  std::optional<TypeAt> file_type;
  bool agree = true;
  for (const TypeAt &t : types_) {
    if (t.attached_to_guid) continue;
    const bool record_has_guid = t.group >= 0 && code_guids_by_group_[t.group] > 0;
    if (record_has_guid) continue;
    if (file_type && file_type->value != t.value) agree = false;
    if (!file_type) file_type = t;
  }
  for (std::size_t i = 0; i < text_.size(); ++i) {
    // `"$p=Role"` is a type for the GUIDs in $p.
    if (cls_[i] != Cls::Comment && text_[i] == '=' && i > 0 &&
        (ident_char(text_[i - 1]) || text_[i - 1] == '}' || text_[i - 1] == ')')) {
      for (const std::string_view value : {"Role", "Scope"}) {
        if (text_.substr(i + 1, value.size()) != value) continue;
        std::size_t b = i;
        while (b > 0 && (ident_char(text_[b - 1]) || text_[b - 1] == '{' || text_[b - 1] == '(' || text_[b - 1] == '.'))
          --b;
        if (b > 0 && text_[b - 1] == '$') {
          const TypeAt t{i + 1, -1, line_of(i), std::string(value), false};
          if (file_type && file_type->value != t.value) agree = false;
          if (!file_type) file_type = t;
        }
      }
    }
  }
  for (const GuidAt &g : guids_) {
    if (g.comment || resource_or_placeholder_id(text_.substr(g.offset, 36))) continue;
    RawPermission p = permission_for_guid(g);
    if (!permission_context(p, g)) continue;
    if (p.type == DeclaredType::Unknown && file_type && agree) {
      p.type_text = file_type->value;
      p.type = file_type->value == "Role" ? DeclaredType::Role : DeclaredType::Scope;
      p.type_evidence = fmt::format("from line {}", file_type->line);
    }
    out.permissions.push_back(std::move(p));
  }
  for (NameAt &n : names_) {
    if (!n.ref) continue;
    n.used = true;
    out.permissions.push_back(name_permission(n, true));
  }
}

auto Scanner::name_permission(const NameAt &n, bool declares) const -> RawPermission {
  RawPermission p;
  p.name = std::string(text_.substr(n.offset, n.length));
  p.type = *n.ref;
  p.type_text = *n.ref == DeclaredType::Role ? "Role" : "Scope";
  p.type_evidence = *n.ref == DeclaredType::Role ? "from app_role_ids" : "from oauth2_permission_scope_ids";
  p.span = span(n.offset, n.offset + n.length);
  p.application = application_of(n.group);
  p.declares = declares;
  return p;
}

}  // namespace callcheck::detail::scan

namespace callcheck::detail {

auto scan_app_text(std::string_view text) -> std::optional<AppFile> { return scan::Scanner(text).run(); }

}  // namespace callcheck::detail
