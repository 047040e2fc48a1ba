// Baselines: adopt callcheck on a corpus with known findings, and only see
// new ones. The file ({"version":1,"entries":[{path, code, pointer, count}]},
// schemas/callcheck/baseline.schema.json) is keyed on path + rule + pointer,
// never on line numbers, so reformatting a payload does not invalidate it.
// Paths are relative to the baseline file's folder, with '/' separators; the
// CLI computes them, the library never touches the file system.
//
// Applying is count-aware: an entry with count N hides at most N findings of
// that key; the N+1st shows. An entry hiding fewer than N findings, in a
// payload checked in this run with the entry's rule enabled, is stale
// (CC403). Entries for payloads not checked in this run are never stale, so
// checking a subset of the corpus stays quiet.
#ifndef CALLCHECK_CONFIG_BASELINE_H_
#define CALLCHECK_CONFIG_BASELINE_H_

#include <cstddef>        // std::size_t
#include <map>            // std::map
#include <string>         // std::string
#include <string_view>    // std::string_view
#include <tuple>          // std::tuple
#include <unordered_map>  // std::unordered_map
#include <vector>         // std::vector

#include "callcheck/options.h"
#include "callcheck/diagnostic.h"
#include "callcheck/report.h"

namespace callcheck::detail {

struct BaselineEntry {
  std::string path;
  std::string code;
  std::string pointer;
  std::size_t count = 1;
  Span span;  // the entry in the baseline file (for CC403)
};

struct BaselineLoad {
  std::vector<BaselineEntry> entries;
  std::vector<Diagnostic> errors;  // CC401, located in the baseline text; empty = usable
};

[[nodiscard]] auto parse_baseline(std::string_view text) -> BaselineLoad;

// Collects findings for --write-baseline.
class BaselineWriter {
 public:
  // Records every diagnostic of `report` under `relative_path`; reports of
  // unreadable inputs are not recorded (there is nothing to keep).
  void add(const Report &report, std::string_view relative_path);
  [[nodiscard]] auto size() const -> std::size_t { return counts_.size(); }
  // Sorted by path, code, pointer; one entry per line so diffs stay readable.
  [[nodiscard]] auto to_json() const -> std::string;

 private:
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> counts_;
};

// Hides recorded findings and remembers what it hid, for CC403.
class BaselineFilter {
 public:
  explicit BaselineFilter(std::vector<BaselineEntry> entries);

  // Removes from `report` the findings recorded for `relative_path`, up to
  // each entry's count, in the report's order. `options` decides which
  // entries could have matched (their rule is enabled).
  void apply(Report &report, std::string_view relative_path, const Options &options);

  // CC403 for each stale entry, sorted by position in the baseline file.
  // `options` (rule levels, select, ignore) filter the CC403 findings themselves.
  [[nodiscard]] auto stale(const Options &options) const -> std::vector<Diagnostic>;

 private:
  struct State {
    BaselineEntry entry;
    bool checked = false;
    std::size_t hidden = 0;
  };
  std::vector<State> states_;
  // path NUL code NUL pointer -> indices into states_ (duplicates are allowed, counts add up).
  std::unordered_map<std::string, std::vector<std::size_t>> index_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_path_;  // path -> indices into states_
};

}  // namespace callcheck::detail

#endif  // CALLCHECK_CONFIG_BASELINE_H_
