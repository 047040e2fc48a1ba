// The published mid-call request examples (shared/corpus/graph-docs-actions):
// each body with the request line and API version its page gives it, from
// manifest.tsv. Shared by the corpus test and the precision table.
#ifndef CALLCHECK_TESTS_RULES_ACTIONS_CORPUS_H_
#define CALLCHECK_TESTS_RULES_ACTIONS_CORPUS_H_

#include <filesystem>  // std::filesystem
#include <sstream>     // std::istringstream
#include <string>      // std::string
#include <vector>      // std::vector

#include <callcheck/check.h>

namespace callcheck::test {

struct ActionExample {
  std::string file;      // relative to the corpus folder ("retired/…" included)
  std::string api;       // "v1.0" / "beta"
  std::string action;    // the manifest's action name
  std::string endpoint;  // the request line as the page writes it
  std::string notes;
  [[nodiscard]] auto options() const -> Options {
    Options o;
    o.api = api == "beta" ? ApiVersion::Beta : ApiVersion::V1;
    return o;
  }
  // The page's request line names the request (issue 12); valid while *this lives.
  [[nodiscard]] auto source() const -> Source { return Source{file, 0, 0, endpoint}; }
  [[nodiscard]] auto is_post() const -> bool { return endpoint.rfind("POST ", 0) == 0; }
};

inline auto actions_corpus_dir() -> std::filesystem::path {
  return std::filesystem::path(CALLCHECK_SHARED_DIR) / "corpus" / "graph-docs-actions";
}

// Request rows with a body (responses and body-less rows excluded), in manifest order.
inline auto action_examples(const std::string &manifest) -> std::vector<ActionExample> {
  std::vector<ActionExample> out;
  std::istringstream in(manifest);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> c;
    std::string cell;
    std::istringstream cells(line);
    while (std::getline(cells, cell, '\t')) c.push_back(cell);
    if (c.size() < 7 || c[0] == "-" || c[0].rfind("responses/", 0) == 0) continue;
    out.push_back(ActionExample{c[0], c[2], c[3], c[4], c[6]});
  }
  return out;
}

}  // namespace callcheck::test

#endif  // CALLCHECK_TESTS_RULES_ACTIONS_CORPUS_H_
