#include "fix/fix_file.h"

#include <algorithm>  // std::min
#include <optional>   // std::optional

#include <fmt/format.h>

#include "document/document.h"
#include "extract/extract.h"
#include "fix/edits.h"

namespace callcheck::detail {
namespace {

// Ten rounds: a page of the docs with every member followed by a trailing
// comma needs one round per comma only when they are nested in one another;
// what is left after ten is reported, not looped on.
constexpr int kMaxRounds = 10;

// Byte offset of 1-based line:column (columns in code points) in `text`.
auto offset_of(std::string_view text, const std::vector<std::size_t> &starts, Position p)
    -> std::optional<std::size_t> {
  if (p.line == 0 || p.column == 0 || p.line > starts.size()) return std::nullopt;
  std::size_t at = starts[p.line - 1];
  for (std::uint32_t column = 1; column < p.column; ++column) {
    if (at >= text.size() || text[at] == '\n') return std::nullopt;
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0U) == 0x80U) ++at;
  }
  return at;
}

auto line_starts(std::string_view text) -> std::vector<std::size_t> {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  return starts;
}

auto unparsable_bodies(std::string_view text, FixInput kind, const Options &options, std::size_t &bodies)
    -> std::size_t {
  std::size_t broken = 0;
  const std::vector<ExtractedBody> extracted =
      kind == FixInput::Markdown ? extract_markdown(text, options.api) : extract_http(text, options.api);
  bodies = 0;
  for (const ExtractedBody &b : extracted) {
    if (b.kind != BodyKind::Request) continue;
    ++bodies;
    if (!Document::parse(b.text, options.limits).has_dom()) ++broken;
  }
  return broken;
}

}  // namespace

auto check_input(std::string_view text, FixInput kind, std::string_view source, const Options &options)
    -> std::vector<Report> {
  if (kind == FixInput::Json) return {check(text, source, options)};
  std::vector<Report> reports;
  const std::vector<ExtractedBody> bodies =
      kind == FixInput::Markdown ? extract_markdown(text, options.api) : extract_http(text, options.api);
  for (const ExtractedBody &b : bodies) {
    if (b.kind == BodyKind::Request) reports.push_back(check_body(b, source, options));
  }
  return reports;
}

auto map_fix(const Fix &fix, std::string_view text, FixInput kind) -> std::optional<Fix> {
  Fix out = fix;
  if (kind == FixInput::Json) return out;
  const std::vector<std::size_t> starts = line_starts(text);
  for (Edit &e : out.edits) {
    const auto begin = offset_of(text, starts, e.span.begin);
    const auto end = offset_of(text, starts, e.span.end);
    if (!begin || !end || *end < *begin) return std::nullopt;
    e.begin = *begin;
    e.end = *end;
  }
  return out;
}

auto applicable(const std::vector<Report> &reports, std::string_view text, FixInput kind, bool unsafe)
    -> std::vector<CodedFix> {
  std::vector<CodedFix> out;
  const std::vector<std::size_t> starts = kind == FixInput::Json ? std::vector<std::size_t>{} : line_starts(text);
  for (const Report &r : reports) {
    for (const Diagnostic &d : r.diagnostics) {
      if (!d.fix || d.fix->edits.empty()) continue;
      if (d.fix->safety == FixSafety::None || (d.fix->safety == FixSafety::Unsafe && !unsafe)) continue;
      Fix fix = *d.fix;
      bool mapped = true;
      if (kind != FixInput::Json) {
        // A body is the block's lines without their prefixes ("> ", list
        // indentation): its offsets are not the file's, its positions are.
        for (Edit &e : fix.edits) {
          const auto begin = offset_of(text, starts, e.span.begin);
          const auto end = offset_of(text, starts, e.span.end);
          if (!begin || !end || *end < *begin) {
            mapped = false;
            break;
          }
          e.begin = *begin;
          e.end = *end;
        }
      }
      if (mapped) out.push_back(CodedFix{d.code, std::move(fix)});
    }
  }
  return out;
}

auto fix_text(std::string_view text, FixInput kind, std::string_view source, const Options &options, bool unsafe)
    -> FixResult {
  FixResult result;
  result.text = std::string(text);
  for (int round = 0; round < kMaxRounds; ++round) {
    const std::vector<Report> reports = check_input(result.text, kind, source, options);
    const std::vector<CodedFix> fixes = applicable(reports, result.text, kind, unsafe);
    if (fixes.empty()) break;
    std::vector<FixRef> refs;
    for (const CodedFix &f : fixes) refs.push_back(FixRef{&f.fix, f.code});
    std::vector<std::string> applied;
    std::string next = apply_fixes(result.text, refs, applied);
    if (applied.empty() || next == result.text) break;
    result.codes.insert(result.codes.end(), applied.begin(), applied.end());
    result.fixed += applied.size();
    result.text = std::move(next);
  }
  if (result.fixed == 0) return result;
  if (kind == FixInput::Json) {
    result.parses = Document::parse(result.text, options.limits).has_dom();
  } else {
    std::size_t before = 0;
    std::size_t after = 0;
    const std::size_t broken_before = unparsable_bodies(text, kind, options, before);
    const std::size_t broken_after = unparsable_bodies(result.text, kind, options, after);
    // Every body still there, and none broken that was not broken before.
    result.parses = after == before && broken_after <= broken_before;
  }
  return result;
}

namespace {

auto split_lines(std::string_view text) -> std::vector<std::string_view> {
  std::vector<std::string_view> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t nl = text.find('\n', at);
    const std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(at, end - at));
    at = end;
  }
  return lines;
}

}  // namespace

auto unified_diff(std::string_view before, std::string_view after, std::string_view path) -> std::string {
  if (before == after) return {};
  const auto a = split_lines(before);
  const auto b = split_lines(after);
  // Common prefix and suffix, then an LCS table over what is left: fixes
  // touch a few lines of a small file (inputs are capped at 1 MiB, and the
  // middle is bounded below so a pathological diff cannot take quadratic memory).
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  const std::size_t n = a.size() - prefix - suffix;
  const std::size_t m = b.size() - prefix - suffix;
  // op: ' ' keep, '-' delete, '+' insert; with the line.
  std::vector<std::pair<char, std::string_view>> ops;
  for (std::size_t i = 0; i < prefix; ++i) ops.emplace_back(' ', a[i]);
  if (n * m <= 4'000'000U) {
    std::vector<std::uint32_t> table((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t & { return table[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t j = m; j-- > 0;) {
        at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
      }
    }
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
        ops.emplace_back(' ', a[prefix + i]);
        ++i, ++j;
      } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
        ops.emplace_back('-', a[prefix + i++]);
      } else {
        ops.emplace_back('+', b[prefix + j++]);
      }
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) ops.emplace_back('-', a[prefix + i]);
    for (std::size_t j = 0; j < m; ++j) ops.emplace_back('+', b[prefix + j]);
  }
  for (std::size_t i = a.size() - suffix; i < a.size(); ++i) ops.emplace_back(' ', a[i]);

  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", path, path);
  constexpr std::size_t kContext = 3;
  std::size_t k = 0;
  while (k < ops.size()) {
    if (ops[k].first == ' ') {
      ++k;
      continue;
    }
    // A hunk: from kContext lines before this change to kContext after the
    // last change that is no more than 2*kContext unchanged lines away.
    const std::size_t start = k >= kContext ? k - kContext : 0;
    std::size_t last_change = k;
    for (std::size_t x = k; x < ops.size() && x - last_change <= 2 * kContext; ++x) {
      if (ops[x].first != ' ') last_change = x;
    }
    const std::size_t end = std::min(ops.size(), last_change + 1 + kContext);
    std::size_t old_line = 1;
    std::size_t new_line = 1;
    for (std::size_t x = 0; x < start; ++x) {
      if (ops[x].first != '+') ++old_line;
      if (ops[x].first != '-') ++new_line;
    }
    std::size_t old_count = 0;
    std::size_t new_count = 0;
    std::string body;
    for (std::size_t x = start; x < end; ++x) {
      if (ops[x].first != '+') ++old_count;
      if (ops[x].first != '-') ++new_count;
      body += ops[x].first;
      body.append(ops[x].second);
      if (ops[x].second.empty() || ops[x].second.back() != '\n') body += "\n\\ No newline at end of file\n";
    }
    // An empty side starts at the line before it (diff(1)'s convention).
    out += fmt::format("@@ -{},{} +{},{} @@\n", old_count == 0 ? old_line - 1 : old_line, old_count,
                       new_count == 0 ? new_line - 1 : new_line, new_count);
    out += body;
    k = end;
  }
  return out;
}

}  // namespace callcheck::detail
