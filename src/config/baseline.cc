#include "document/rapidjson_adapter.h"

#include "config/baseline.h"

#include <algorithm>  // std::sort, std::remove_if

#include <fmt/format.h>

#include "catalog/policy.h"
#include "config/config.h"
#include "document/document.h"
#include "schema/validate.h"
#include "catalog/cc401_invalid_config.h"
#include "catalog/cc403_stale_baseline_entry.h"
#include "catalog/diagnostic.h"

namespace callcheck::detail {
namespace {

auto sv(const Value &v) -> std::string_view { return {v.GetString(), v.GetStringLength()}; }

auto invalid(std::string message, std::string pointer, Span span, std::string help) -> Diagnostic {
  return make_diagnostic(catalog::kInvalidConfig, std::move(message), std::move(pointer), span, std::move(help));
}

auto quote(std::string_view s) -> std::string {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20U) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
  return out;
}

}  // namespace

auto parse_baseline(std::string_view text) -> BaselineLoad {
  BaselineLoad out;
  const Document doc = Document::parse(text, Limits{std::size_t{64} << 20U, 64, 8192, 256, 1000, 1000000});
  for (const ParseFinding &f : doc.findings()) {
    out.errors.push_back(invalid(fmt::format("{} ({})", f.message, f.rule->code), f.pointer,
                                 doc.span_of_bytes(f.begin, f.end), "regenerate it with --write-baseline"));
  }
  if (!doc.has_dom()) return out;
  for (const Finding &f : validate_against(doc, "callcheck/baseline.schema.json")) {
    out.errors.push_back(config_schema_error(doc, f));
  }
  if (!out.errors.empty()) return out;
  const Value &entries = doc.root()["entries"];
  // The entries' source nodes are consecutive subtrees after the array's own
  // node: walked once, not looked up by pointer (O(i) each: a 5e4-entry
  // baseline cost seconds to load).
  const SourceNode *array = doc.node("/entries");
  std::size_t child = array != nullptr ? static_cast<std::size_t>(array - doc.nodes().data()) + 1 : 0;
  for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
    const Value &e = entries[i];
    BaselineEntry entry;
    entry.path = std::string(sv(e["path"]));
    entry.code = std::string(sv(e["code"]));
    entry.pointer = std::string(sv(e["pointer"]));
    entry.count = static_cast<std::size_t>(e["count"].GetUint64());
    if (array != nullptr && child < doc.nodes().size()) {
      const SourceNode &n = doc.nodes()[child];
      entry.span = doc.span_of_bytes(n.begin, n.end);
      child += n.subtree;
    } else {
      entry.span = doc.span("/entries/" + std::to_string(i));
    }
    out.entries.push_back(std::move(entry));
  }
  return out;
}

void BaselineWriter::add(const Report &report, std::string_view relative_path) {
  if (report.input_error) return;
  for (const Diagnostic &d : report.diagnostics) {
    // A baseline cannot hide input-validity findings, so it never records them.
    if (Policy::hideable(d.code)) ++counts_[{std::string(relative_path), d.code, d.pointer}];
  }
}

auto BaselineWriter::to_json() const -> std::string {
  std::string out = "{\n  \"version\": 1,\n  \"entries\": [";
  bool first = true;
  for (const auto &[key, count] : counts_) {
    out += first ? "\n" : ",\n";
    first = false;
    out += fmt::format("    {{\"path\": {}, \"code\": {}, \"pointer\": {}, \"count\": {}}}", quote(std::get<0>(key)),
                       quote(std::get<1>(key)), quote(std::get<2>(key)), count);
  }
  out += first ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

namespace {

// NUL cannot occur in a path, a code or a pointer read from JSON (CC005), so
// the joined key is unambiguous.
auto key_of(std::string_view path, std::string_view code, std::string_view pointer) -> std::string {
  std::string key;
  key.reserve(path.size() + code.size() + pointer.size() + 2);
  key.append(path).push_back('\0');
  key.append(code).push_back('\0');
  key.append(pointer);
  return key;
}

}  // namespace

BaselineFilter::BaselineFilter(std::vector<BaselineEntry> entries) {
  index_.reserve(entries.size());
  for (BaselineEntry &e : entries) {
    index_[key_of(e.path, e.code, e.pointer)].push_back(states_.size());
    by_path_[e.path].push_back(states_.size());
    states_.push_back(State{std::move(e), false, 0});
  }
}

// Hashed on the path and on the whole key: O(findings + this file's
// entries) per report, not O(entries) (1e5 files x 5e4 entries took 22 s).
void BaselineFilter::apply(Report &report, std::string_view relative_path, const Options &options) {
  if (report.input_error) return;
  const std::string path(relative_path);
  const auto mine = by_path_.find(path);
  if (mine == by_path_.end()) return;
  for (const std::size_t i : mine->second) {
    State &s = states_[i];
    if (rule_enabled(options, s.entry.code)) s.checked = true;
  }
  auto &list = report.diagnostics;
  list.erase(std::remove_if(list.begin(), list.end(),
                            [&](const Diagnostic &d) {
                              if (!Policy::hideable(d.code)) return false;
                              const auto it = index_.find(key_of(path, d.code, d.pointer));
                              if (it == index_.end()) return false;
                              for (const std::size_t i : it->second) {
                                if (states_[i].hidden < states_[i].entry.count) {
                                  ++states_[i].hidden;
                                  return true;
                                }
                              }
                              return false;
                            }),
             list.end());
}

auto BaselineFilter::stale(const Options &options) const -> std::vector<Diagnostic> {
  std::vector<Diagnostic> out;
  for (std::size_t i = 0; i < states_.size(); ++i) {
    const State &s = states_[i];
    if (!s.checked || s.hidden >= s.entry.count) continue;
    const std::string where = s.entry.pointer.empty() ? std::string("the whole payload") : "`" + s.entry.pointer + "`";
    std::string message = s.hidden == 0
                              ? fmt::format("{} no longer reports {} at {}", s.entry.path, s.entry.code, where)
                              : fmt::format("{} reports {} at {} {} time{}, the baseline records {}", s.entry.path,
                                            s.entry.code, where, s.hidden, s.hidden == 1 ? "" : "s", s.entry.count);
    auto d =
        make_diagnostic(Policy(options), catalog::kStaleBaselineEntry, std::move(message),
                        "/entries/" + std::to_string(i), s.entry.span, "regenerate the baseline with --write-baseline");
    if (d) out.push_back(std::move(*d));
  }
  return out;  // states_ are in file order, hence in position order
}

}  // namespace callcheck::detail
