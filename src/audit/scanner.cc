// Scripts and HCL, where teams really declare their permissions (the corpus:
// `az ad app permission add --api 00000003-… --api-permissions <guid>=Role`,
// PowerShell hashtables of app-role ids, `resource_access { id = …, type =
// "Role" }`, `app_role_ids["Calls.Initiate.All"]`). This is a scanner, not a
// language parser: it finds permission GUIDs and names, and reads what is next
// to them (a type, a name in a comment, the record they sit in).
//
//   1. classify every byte as code, comment or string (per dialect: `#`, `<# #>`
//      for shells and PowerShell; `#`, `//`, `/* */` for HCL);
//   2. collect GUIDs, permission-like names, type markers, bracket groups and,
//      in HCL, `key = value` assignments;
//   3. decide what each GUID is. Scripts: a GUID in code is a declaration.
//      HCL: only values at declaring positions are (`id` in `resource_access`,
//      `role_ids`, `scope_ids`, `app_role_id`); other literal GUIDs are
//      definitions (entries of id maps in `locals`), which a reference such as
//      `local.graph_app_role_ids.calls_initiate_all` resolves to. A reference
//      that does not resolve is CC612, never dropped.
// Limits (stated in the README): quotes do not span lines; heredocs are not
// understood; variables of shells and PowerShell are not followed (their
// literals are read where they are written).
#include "json.h"

#include <algorithm>  // std::count_if, std::find_if
#include <cctype>     // std::isalnum, std::isalpha, std::isspace, std::isxdigit
#include <map>        // std::map
#include <set>        // std::set

#include <fmt/format.h>

#include "audit/app_file.h"
#include "audit/permission_ids.h"
#include "audit/resource_access.h"
#include "document/document.h"
#include "catalog/cc612_unresolved_permission_reference.h"

namespace callcheck::detail {
namespace {

enum class Cls : std::uint8_t { Code, Comment, String };

constexpr std::size_t kMaxGroups = 100000;
constexpr std::uint32_t kMaxRecordLines = 12;
constexpr int kMaxResolveDepth = 6;

auto ident_char(char c) -> bool { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }
auto is_space(char c) -> bool { return c == ' ' || c == '\t' || c == '\r'; }

struct Group {
  std::size_t open = 0;
  std::size_t close = std::string_view::npos;
  int parent = -1;
  char kind = '{';
  std::string key;                  // `key = {`, or the first word of a block header
  std::vector<std::string> labels;  // block labels: resource "TYPE" "NAME" {
};

struct GuidAt {
  std::size_t offset = 0;
  bool comment = false;
  int group = -1;
  std::uint32_t line = 0;
  std::string attached;  // "Role"/"Scope" written right after it (`<guid>=Role`)
};

struct NameAt {
  std::size_t offset = 0;
  std::size_t length = 0;
  bool comment = false;
  int group = -1;
  std::uint32_t line = 0;
  std::optional<DeclaredType> ref;  // inside app_role_ids["…"] / oauth2_permission_scope_ids["…"]
  std::size_t ref_begin = 0;        // where that expression starts
  bool used = false;                // a label or a declaring name
};

struct TypeAt {
  std::size_t offset = 0;
  int group = -1;
  std::uint32_t line = 0;
  std::string value;
  bool attached_to_guid = false;
};

struct Assignment {
  std::string key;
  std::size_t key_offset = 0;
  int group = -1;  // the group it is written in
  enum class Kind : std::uint8_t { Literal, Reference, Open, Other } kind = Kind::Other;
  std::size_t value_offset = 0;
  std::string value;    // literal content or reference text
  int value_group = -1; // Kind::Open
};

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text), lines_(text), table_(PermissionIds::builtin()) {
    hcl_ = detect_hcl();
  }

  auto run() -> std::optional<AppFile> {
    classify();
    collect();
    index();
    AppFile out;
    out.format = hcl_ ? "terraform-hcl" : "script";
    out.method = ReadMethod::Scanned;
    if (hcl_) {
      hcl_declarations(out);
    } else {
      script_declarations(out);
    }
    stray_names(out);
    const bool found = !out.permissions.empty() ||
                       std::any_of(out.findings.begin(), out.findings.end(),
                                   [](const AppFinding &f) { return f.rule == &catalog::kUnresolvedPermissionReference; });
    if (!found) return std::nullopt;
    const auto first = std::find_if(out.permissions.begin(), out.permissions.end(),
                                    [](const RawPermission &p) { return p.declares; });
    out.anchor = first != out.permissions.end() ? first->span : Span{Position{1, 1}, Position{1, 1}};
    return out;
  }

 private:
  // ---- dialect and byte classes ------------------------------------------

  auto detect_hcl() const -> bool {
    std::size_t start = 0;
    while (start < text_.size()) {
      std::size_t end = text_.find('\n', start);
      if (end == std::string_view::npos) end = text_.size();
      std::string_view line = text_.substr(start, end - start);
      while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
      for (const std::string_view head : {"resource \"", "data \"", "locals {", "terraform {", "variable \"",
                                          "module \"", "provider \"", "output \""}) {
        if (line.substr(0, head.size()) == head) return true;
      }
      start = end + 1;
    }
    return false;
  }

  void classify() {
    cls_.assign(text_.size(), Cls::Code);
    char quote = 0;
    enum class Block : std::uint8_t { None, Slash, Angle } block = Block::None;
    bool line_comment = false;
    for (std::size_t i = 0; i < text_.size(); ++i) {
      const char c = text_[i];
      if (c == '\n') {
        line_comment = false;
        quote = 0;  // quotes do not span lines (see the limits above)
        continue;
      }
      if (line_comment) {
        cls_[i] = Cls::Comment;
        continue;
      }
      if (block != Block::None) {
        cls_[i] = Cls::Comment;
        const char closer = block == Block::Slash ? '*' : '#';
        const char last = block == Block::Slash ? '/' : '>';
        if (c == closer && i + 1 < text_.size() && text_[i + 1] == last) {
          cls_[i + 1] = Cls::Comment;
          ++i;
          block = Block::None;
        }
        continue;
      }
      if (quote != 0) {
        cls_[i] = Cls::String;
        if ((c == '\\' || c == '`') && quote == '"' && i + 1 < text_.size() && text_[i + 1] != '\n') {
          cls_[++i] = Cls::String;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      const char next = i + 1 < text_.size() ? text_[i + 1] : '\0';
      if (!hcl_ && c == '<' && next == '#') {
        block = Block::Angle;
        cls_[i] = cls_[i + 1] = Cls::Comment;
        ++i;
        continue;
      }
      if (hcl_ && c == '/' && next == '*') {
        block = Block::Slash;
        cls_[i] = cls_[i + 1] = Cls::Comment;
        ++i;
        continue;
      }
      if (hcl_ && c == '/' && next == '/') {
        line_comment = true;
        cls_[i] = Cls::Comment;
        continue;
      }
      if (c == '#') {
        // Shells: `#` starts a comment only at the start of a word (`$#`, `a#b` are not).
        const char before = i == 0 ? '\n' : text_[i - 1];
        if (hcl_ || std::isspace(static_cast<unsigned char>(before)) != 0 || before == ';') {
          line_comment = true;
          cls_[i] = Cls::Comment;
          continue;
        }
      }
      if (c == '"' || c == '\'') {
        quote = c;
        cls_[i] = Cls::String;
      }
    }
  }

  // ---- collection ------------------------------------------------------------

  auto line_of(std::size_t offset) const -> std::uint32_t { return lines_.position(static_cast<std::uint32_t>(offset)).line; }
  auto span(std::size_t begin, std::size_t end) const -> Span {
    return Span{lines_.position(static_cast<std::uint32_t>(begin)), lines_.position(static_cast<std::uint32_t>(end))};
  }

  auto guid_at(std::size_t i) const -> bool {
    if (i + 36 > text_.size()) return false;
    if (i > 0 && (std::isalnum(static_cast<unsigned char>(text_[i - 1])) != 0 || text_[i - 1] == '-')) return false;
    if (i + 36 < text_.size() && std::isalnum(static_cast<unsigned char>(text_[i + 36])) != 0) return false;
    return !normal_guid(text_.substr(i, 36)).empty();
  }

  void collect() {
    std::vector<int> stack;
    for (std::size_t i = 0; i < text_.size(); ++i) {
      const char c = text_[i];
      const int current = stack.empty() ? -1 : stack.back();
      if (cls_[i] == Cls::Code && (c == '{' || c == '(' || c == '[') && groups_.size() < kMaxGroups) {
        Group g;
        g.open = i;
        g.parent = current;
        g.kind = c;
        name_group(g);
        stack.push_back(static_cast<int>(groups_.size()));
        groups_.push_back(std::move(g));
        continue;
      }
      if (cls_[i] == Cls::Code && (c == '}' || c == ')' || c == ']')) {
        const char opener = c == '}' ? '{' : c == ')' ? '(' : '[';
        // Pop to the matching opener; a stray closer is ignored.
        for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
          if (groups_[static_cast<std::size_t>(*it)].kind != opener) continue;
          while (!stack.empty() && stack.back() != *it) {
            groups_[static_cast<std::size_t>(stack.back())].close = i;
            stack.pop_back();
          }
          groups_[static_cast<std::size_t>(stack.back())].close = i;
          stack.pop_back();
          break;
        }
        continue;
      }
      if (std::isxdigit(static_cast<unsigned char>(c)) != 0 && cls_[i] != Cls::Comment && guid_at(i)) {
        add_guid(i, false, current);
        i += 35;
        continue;
      }
      if (std::isxdigit(static_cast<unsigned char>(c)) != 0 && cls_[i] == Cls::Comment && guid_at(i)) {
        add_guid(i, true, current);
        i += 35;
        continue;
      }
      if (std::isalpha(static_cast<unsigned char>(c)) != 0 && (i == 0 || !name_char(text_[i - 1]))) {
        const std::size_t end = name_end(i);
        if (end > i) {
          add_name(i, end, current);
          i = end - 1;
          continue;
        }
        if (cls_[i] == Cls::Code) type_marker(i, current);
        if (hcl_ && cls_[i] == Cls::Code) assignment(i, current);
      }
    }
  }

  static auto name_char(char c) -> bool { return ident_char(c) || c == '.' || c == '-' || c == '$'; }

  // The end of a permission-like name starting at `i`, or `i` when there is none.
  auto name_end(std::size_t i) const -> std::size_t {
    std::size_t end = i;
    while (end < text_.size() && (ident_char(text_[end]) || text_[end] == '.' || text_[end] == '-')) ++end;
    while (end > i && (text_[end - 1] == '.' || text_[end - 1] == '-')) --end;
    const std::string_view word = text_.substr(i, end - i);
    if (word.find('.') == std::string_view::npos || !table_.looks_like_permission(word)) return i;
    if (end < text_.size() && text_[end] == '(') return i;  // a method call
    for (std::size_t k = i; k < end; ++k) {
      if (cls_[k] != cls_[i]) return i;  // a name never straddles a quote
    }
    return end;
  }

  void add_guid(std::size_t i, bool comment, int group) {
    GuidAt g;
    g.offset = i;
    g.comment = comment;
    g.group = group;
    g.line = line_of(i);
    if (!comment) {
      for (const std::string_view t : {"=Role", "=Scope"}) {
        const std::size_t at = i + 36;
        if (text_.substr(at, t.size()) == t && (at + t.size() >= text_.size() || !ident_char(text_[at + t.size()]))) {
          g.attached = std::string(t.substr(1));
          TypeAt marker{at + 1, group, g.line, g.attached, true};
          types_.push_back(marker);
        }
      }
    }
    guids_.push_back(std::move(g));
  }

  void add_name(std::size_t begin, std::size_t end, int group) {
    NameAt n;
    n.offset = begin;
    n.length = end - begin;
    n.comment = cls_[begin] == Cls::Comment;
    n.group = group;
    n.line = line_of(begin);
    // app_role_ids["NAME"] / oauth2_permission_scope_ids["NAME"]
    if (!n.comment && begin >= 2 && text_[begin - 1] == '"' && text_[begin - 2] == '[') {
      const std::string_view before = text_.substr(0, begin - 2);
      for (const auto &[marker, type] : {std::pair<std::string_view, DeclaredType>{"app_role_ids", DeclaredType::Role},
                                         std::pair<std::string_view, DeclaredType>{"oauth2_permission_scope_ids",
                                                                                   DeclaredType::Scope}}) {
        if (before.size() < marker.size() || before.substr(before.size() - marker.size()) != marker) continue;
        n.ref = type;
        std::size_t b = begin - 2;
        while (b > 0 && (ident_char(text_[b - 1]) || text_[b - 1] == '.')) --b;
        n.ref_begin = b;
      }
    }
    names_.push_back(n);
  }

  void type_marker(std::size_t i, int group) {
    std::size_t end = i;
    while (end < text_.size() && ident_char(text_[end])) ++end;
    const std::string_view word = text_.substr(i, end - i);
    if (word != "type" && word != "Type" && word != "TYPE") return;
    std::size_t k = end;
    while (k < text_.size() && is_space(text_[k])) ++k;
    if (k >= text_.size() || (text_[k] != '=' && text_[k] != ':')) return;
    ++k;
    while (k < text_.size() && (is_space(text_[k]) || text_[k] == '"' || text_[k] == '\'')) ++k;
    for (const std::string_view value : {"Role", "Scope"}) {
      if (text_.substr(k, value.size()) == value && (k + value.size() >= text_.size() || !ident_char(text_[k + value.size()]))) {
        types_.push_back(TypeAt{k, group, line_of(k), std::string(value), false});
      }
    }
  }

  // `KEY = VALUE` (HCL), KEY an identifier at `i`.
  void assignment(std::size_t i, int group) {
    std::size_t end = i;
    while (end < text_.size() && (ident_char(text_[end]) || text_[end] == '-')) ++end;
    std::size_t k = end;
    while (k < text_.size() && is_space(text_[k])) ++k;
    if (k >= text_.size() || text_[k] != '=' || (k + 1 < text_.size() && (text_[k + 1] == '=' || text_[k + 1] == '>'))) return;
    ++k;
    while (k < text_.size() && is_space(text_[k])) ++k;
    if (k >= text_.size()) return;
    Assignment a;
    a.key = std::string(text_.substr(i, end - i));
    a.key_offset = i;
    a.group = group;
    a.value_offset = k;
    if (text_[k] == '"') {
      const std::size_t close = text_.find('"', k + 1);
      if (close == std::string_view::npos) return;
      a.kind = Assignment::Kind::Literal;
      a.value = std::string(text_.substr(k + 1, close - k - 1));
      a.value_offset = k + 1;
    } else if (text_[k] == '{' || text_[k] == '[') {
      a.kind = Assignment::Kind::Open;
      a.value_group = static_cast<int>(groups_.size());  // the group collect() opens next
    } else if (std::isalpha(static_cast<unsigned char>(text_[k])) != 0) {
      a.kind = Assignment::Kind::Reference;
      a.value = reference_at(k);
    }
    assignments_.push_back(std::move(a));
  }

  // An HCL reference: ident(.ident | ["…"] | [digits])*.
  auto reference_at(std::size_t k) const -> std::string {
    std::size_t end = k;
    while (end < text_.size()) {
      if (ident_char(text_[end]) || text_[end] == '.' || text_[end] == '-') {
        ++end;
      } else if (text_[end] == '[') {
        const std::size_t close = text_.find(']', end);
        if (close == std::string_view::npos || text_.substr(end, close - end).find('\n') != std::string_view::npos) break;
        end = close + 1;
      } else {
        break;
      }
    }
    return std::string(text_.substr(k, end - k));
  }

  void name_group(Group &g) const {
    std::size_t i = g.open;
    auto back_spaces = [&] {
      while (i > 0 && is_space(text_[i - 1])) --i;
    };
    back_spaces();
    if (i > 0 && text_[i - 1] == '@') --i;  // PowerShell @{ } / @( )
    back_spaces();
    if (i > 0 && (text_[i - 1] == '=' || text_[i - 1] == ':')) {
      --i;
      back_spaces();
      std::size_t end = i;
      if (i > 0 && (text_[i - 1] == '"' || text_[i - 1] == '\'')) {
        const char q = text_[--i];
        end = i;
        while (i > 0 && text_[i - 1] != q && text_[i - 1] != '\n') --i;
        g.key = std::string(text_.substr(i, end - i));
        return;
      }
      while (i > 0 && (ident_char(text_[i - 1]) || text_[i - 1] == '$' || text_[i - 1] == '-')) --i;
      g.key = std::string(text_.substr(i, end - i));
      return;
    }
    // A block header on the same line: WORD "LABEL" "LABEL" {
    const std::size_t line_start = text_.rfind('\n', g.open) == std::string_view::npos ? 0 : text_.rfind('\n', g.open) + 1;
    std::string_view header = text_.substr(line_start, g.open - line_start);
    while (!header.empty() && is_space(header.front())) header.remove_prefix(1);
    std::size_t w = 0;
    while (w < header.size() && (ident_char(header[w]) || header[w] == '-')) ++w;
    g.key = std::string(header.substr(0, w));
    std::size_t q = header.find('"', w);
    while (q != std::string_view::npos) {
      const std::size_t close = header.find('"', q + 1);
      if (close == std::string_view::npos) break;
      g.labels.emplace_back(header.substr(q + 1, close - q - 1));
      q = header.find('"', close + 1);
    }
  }

  // Every lookup below goes through these: a file of many GUIDs must not
  // make the scanner quadratic.
  void index() {
    for (std::size_t i = 0; i < guids_.size(); ++i) {
      const GuidAt &g = guids_[i];
      guids_by_line_[g.line].push_back(i);
      if (!g.comment) ++code_guids_by_group_[g.group];
      guids_by_value_[normal_guid(text_.substr(g.offset, 36))].push_back(i);
    }
    for (std::size_t i = 0; i < names_.size(); ++i) {
      names_by_line_[names_[i].line].push_back(i);
      names_by_group_[names_[i].group].push_back(i);
    }
    for (std::size_t i = 0; i < types_.size(); ++i) types_by_group_[types_[i].group].push_back(i);
    for (std::size_t i = 0; i < assignments_.size(); ++i) {
      assignment_index_.emplace(std::make_pair(assignments_[i].group, assignments_[i].key), i);
      if (assignments_[i].kind == Assignment::Kind::Literal) literal_at_.emplace(assignments_[i].value_offset, i);
    }
  }

  // ---- decisions ---------------------------------------------------------------

  auto group_at(int index) const -> const Group * {
    return index < 0 ? nullptr : &groups_[static_cast<std::size_t>(index)];
  }

  // "TYPE.NAME" of the enclosing `resource "TYPE" "NAME" {` block.
  auto application_of(int group) const -> std::string {
    for (const Group *g = group_at(group); g != nullptr; g = group_at(g->parent)) {
      if (g->key == "resource" && g->labels.size() == 2) return g->labels[0] + "." + g->labels[1];
    }
    return {};
  }

  // The one type written in `group` itself (not in a nested group).
  auto record_type(int group) const -> std::optional<TypeAt> {
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

  // A name written next to the GUID at `g`: the only name on its line (with
  // the only GUID there), or the only name of its small record.
  auto label_for(const GuidAt &g) -> NameAt * {
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

  // The label any occurrence of this GUID value has, looked up once per value.
  auto label_of_value(const std::string &value) -> NameAt * {
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

  void set_label(RawPermission &p, NameAt *label) const {
    if (label == nullptr) return;
    label->used = true;
    p.label = std::string(text_.substr(label->offset, label->length));
    p.label_span = span(label->offset, label->offset + label->length);
  }

  auto permission_for_guid(const GuidAt &g) -> RawPermission {
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
    p.type = p.type_text == "Role" ? DeclaredType::Role : p.type_text == "Scope" ? DeclaredType::Scope
                                                                                   : DeclaredType::Unknown;
    set_label(p, label_for(g));
    // Comments that mention the same GUID elsewhere name it too
    // (`# Calls.JoinGroupCall.All: f6594d00-…` above the command).
    if (p.label.empty()) set_label(p, label_of_value(normal_guid(p.id)));
    return p;
  }

  // Permission context for a GUID the table does not know: a type next to it,
  // or a permission name. Anything else may be a tenant, object or app id.
  auto permission_context(const RawPermission &p, const GuidAt &g) const -> bool {
    if (!table_.by_id(p.id).empty()) return true;
    return !g.attached.empty() || !p.label.empty() || (record_type(g.group).has_value() && hcl_);
  }

  void script_declarations(AppFile &out) {
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
      if (cls_[i] != Cls::Comment && text_[i] == '=' && i > 0 && (ident_char(text_[i - 1]) || text_[i - 1] == '}' ||
                                                                  text_[i - 1] == ')')) {
        for (const std::string_view value : {"Role", "Scope"}) {
          if (text_.substr(i + 1, value.size()) != value) continue;
          std::size_t b = i;
          while (b > 0 && (ident_char(text_[b - 1]) || text_[b - 1] == '{' || text_[b - 1] == '(' || text_[b - 1] == '.')) --b;
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

  auto name_permission(const NameAt &n, bool declares) const -> RawPermission {
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

  // ---- HCL -----------------------------------------------------------------------

  // guids_ and names_ are in text order (collect() walks the text once).
  auto guid_in(std::size_t begin, std::size_t end) -> GuidAt * {
    const auto it = std::lower_bound(guids_.begin(), guids_.end(), begin,
                                     [](const GuidAt &g, std::size_t at) { return g.offset < at; });
    return it != guids_.end() && it->offset < end ? &*it : nullptr;
  }

  // The app_role_ids["…"] expression starting in [begin, end).
  auto name_in(std::size_t begin, std::size_t end) -> NameAt * {
    auto it = std::lower_bound(names_.begin(), names_.end(), begin,
                               [](const NameAt &n, std::size_t at) { return n.offset < at; });
    for (; it != names_.end() && it->offset < end; ++it) {
      if (it->ref && it->ref_begin >= begin && it->ref_begin < end) return &*it;
    }
    return nullptr;
  }

  // The assignment `key = …` directly inside `group`.
  auto assignment_in(int group, std::string_view key) const -> const Assignment * {
    const auto it = assignment_index_.find(std::make_pair(group, std::string(key)));
    return it == assignment_index_.end() ? nullptr : &assignments_[it->second];
  }

  // The `locals { }` blocks, in text order.
  auto locals_groups() const -> std::vector<int> {
    if (!locals_) {
      locals_.emplace();
      for (std::size_t i = 0; i < groups_.size(); ++i) {
        if (groups_[i].key == "locals") locals_->push_back(static_cast<int>(i));
      }
    }
    return *locals_;
  }

  struct Resolved {
    const Assignment *definition = nullptr;  // the literal (or name reference) it ends at
    std::string via;
  };

  // local.A.B / local.A["B"] / local.A, through literal maps in `locals`.
  auto resolve(const std::string &reference, int depth) const -> std::optional<Resolved> {
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

  // One value at a declaring position: a literal, an app_role_ids["…"], or a reference.
  void declare_value(const Assignment &a, std::size_t offset, std::size_t end, const std::string &value,
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

  void hcl_declarations(AppFile &out) {
    for (const Assignment &a : assignments_) {
      const Group *g = group_at(a.group);
      const bool id_in_block = a.key == "id" && g != nullptr && g->key == "resource_access";
      if (id_in_block || a.key == "app_role_id") {
        std::string type_text;
        std::string evidence;
        DeclaredType type = a.key == "app_role_id" ? DeclaredType::Role : DeclaredType::Unknown;
        if (const Assignment *t = assignment_in(a.group, "type"); t != nullptr && t->kind == Assignment::Kind::Literal) {
          type_text = t->value;
          type = t->value == "Role" ? DeclaredType::Role : t->value == "Scope" ? DeclaredType::Scope : DeclaredType::Other;
          if (line_of(t->key_offset) != line_of(a.key_offset)) evidence = fmt::format("from line {}", line_of(t->key_offset));
        } else if (a.key == "app_role_id") {
          type_text = "Role";
          evidence = "from app_role_id";
        }
        const std::size_t end = a.kind == Assignment::Kind::Literal ? a.value_offset + a.value.size()
                                                                    : a.value_offset + a.value.size();
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

  // The elements of `role_ids = [ … ]`: literals and references, comma separated.
  void list_elements(const Assignment &a, const Group &list, DeclaredType type, AppFile &out) {
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
        declare_value(a, i, i + reference.size(), reference, Assignment::Kind::Reference, type, type_text, evidence,
                      out);
        i += std::max<std::size_t>(1, reference.size());
        continue;
      }
      ++i;
    }
  }

  // Calls.* names that are neither labels nor declarations, in comments and
  // echoed text: a legacy or misspelt name there is what readers copy.
  void stray_names(AppFile &out) const {
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

  std::string_view text_;
  LineIndex lines_;
  const PermissionIds &table_;
  bool hcl_ = false;
  std::vector<Cls> cls_;
  std::vector<Group> groups_;
  std::vector<GuidAt> guids_;
  std::vector<NameAt> names_;
  std::vector<TypeAt> types_;
  std::vector<Assignment> assignments_;
  std::set<std::size_t> consumed_;
  std::map<std::uint32_t, std::vector<std::size_t>> guids_by_line_;
  std::map<std::uint32_t, std::vector<std::size_t>> names_by_line_;
  std::map<int, std::vector<std::size_t>> names_by_group_;
  std::map<int, std::vector<std::size_t>> types_by_group_;
  std::map<int, std::size_t> code_guids_by_group_;
  std::map<std::string, std::vector<std::size_t>> guids_by_value_;
  std::map<std::pair<int, std::string>, std::size_t> assignment_index_;
  std::map<std::size_t, std::size_t> literal_at_;  // value offset -> assignment
  mutable std::optional<std::vector<int>> locals_;
  std::map<std::string, NameAt *> value_labels_;
};

}  // namespace

auto scan_app_text(std::string_view text) -> std::optional<AppFile> { return Scanner(text).run(); }

}  // namespace callcheck::detail
