// Phases 1 and 2 of the scanner: the dialect, every byte classified as code,
// comment or string, then the GUIDs, names, type markers, groups and
// assignments collected and indexed.
#include "audit/scanner.h"

#include <fmt/format.h>

namespace callcheck::detail::scan {

auto Scanner::run() -> std::optional<AppFile> {
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
  const bool found =
      !out.permissions.empty() || std::any_of(out.findings.begin(), out.findings.end(), [](const AppFinding &f) {
        return f.rule == &catalog::kUnresolvedPermissionReference;
      });
  if (!found) return std::nullopt;
  const auto first =
      std::find_if(out.permissions.begin(), out.permissions.end(), [](const RawPermission &p) { return p.declares; });
  out.anchor = first != out.permissions.end() ? first->span : Span{Position{1, 1}, Position{1, 1}};
  return out;
}

auto Scanner::detect_hcl() const -> bool {
  std::size_t start = 0;
  while (start < text_.size()) {
    std::size_t end = text_.find('\n', start);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view line = text_.substr(start, end - start);
    while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
    for (const std::string_view head : {"resource \"", "data \"", "locals {", "terraform {", "variable \"", "module \"",
                                        "provider \"", "output \""}) {
      if (line.substr(0, head.size()) == head) return true;
    }
    start = end + 1;
  }
  return false;
}

void Scanner::classify() {
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

auto Scanner::span(std::size_t begin, std::size_t end) const -> Span {
  return Span{lines_.position(static_cast<std::uint32_t>(begin)), lines_.position(static_cast<std::uint32_t>(end))};
}

auto Scanner::guid_at(std::size_t i) const -> bool {
  if (i + 36 > text_.size()) return false;
  if (i > 0 && (std::isalnum(static_cast<unsigned char>(text_[i - 1])) != 0 || text_[i - 1] == '-')) return false;
  if (i + 36 < text_.size() && std::isalnum(static_cast<unsigned char>(text_[i + 36])) != 0) return false;
  return !normal_guid(text_.substr(i, 36)).empty();
}

void Scanner::collect() {
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

auto Scanner::name_end(std::size_t i) const -> std::size_t {
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

void Scanner::add_guid(std::size_t i, bool comment, int group) {
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

void Scanner::add_name(std::size_t begin, std::size_t end, int group) {
  NameAt n;
  n.offset = begin;
  n.length = end - begin;
  n.comment = cls_[begin] == Cls::Comment;
  n.group = group;
  n.line = line_of(begin);
  // app_role_ids["NAME"] / oauth2_permission_scope_ids["NAME"]
  if (!n.comment && begin >= 2 && text_[begin - 1] == '"' && text_[begin - 2] == '[') {
    const std::string_view before = text_.substr(0, begin - 2);
    for (const auto &[marker, type] :
         {std::pair<std::string_view, DeclaredType>{"app_role_ids", DeclaredType::Role},
          std::pair<std::string_view, DeclaredType>{"oauth2_permission_scope_ids", DeclaredType::Scope}}) {
      if (before.size() < marker.size() || before.substr(before.size() - marker.size()) != marker) continue;
      n.ref = type;
      std::size_t b = begin - 2;
      while (b > 0 && (ident_char(text_[b - 1]) || text_[b - 1] == '.')) --b;
      n.ref_begin = b;
    }
  }
  names_.push_back(n);
}

void Scanner::type_marker(std::size_t i, int group) {
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
    if (text_.substr(k, value.size()) == value &&
        (k + value.size() >= text_.size() || !ident_char(text_[k + value.size()]))) {
      types_.push_back(TypeAt{k, group, line_of(k), std::string(value), false});
    }
  }
}

void Scanner::assignment(std::size_t i, int group) {
  std::size_t end = i;
  while (end < text_.size() && (ident_char(text_[end]) || text_[end] == '-')) ++end;
  std::size_t k = end;
  while (k < text_.size() && is_space(text_[k])) ++k;
  if (k >= text_.size() || text_[k] != '=' || (k + 1 < text_.size() && (text_[k + 1] == '=' || text_[k + 1] == '>')))
    return;
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

auto Scanner::reference_at(std::size_t k) const -> std::string {
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

void Scanner::name_group(Group &g) const {
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
  const std::size_t line_start =
      text_.rfind('\n', g.open) == std::string_view::npos ? 0 : text_.rfind('\n', g.open) + 1;
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

void Scanner::index() {
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

}  // namespace callcheck::detail::scan
