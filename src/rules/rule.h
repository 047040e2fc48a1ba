// The rule interface (internal). One rule per header in this folder, each
// documenting itself in its kMeta; rules.cc is the one sorted list.
#ifndef CALLCHECK_RULES_RULE_H_
#define CALLCHECK_RULES_RULE_H_

#include <array>        // std::array
#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <tuple>        // std::tuple, std::get
#include <type_traits>  // std::is_same_v
#include <utility>      // std::index_sequence
#include <vector>       // std::vector

#include "callcheck/options.h"
#include "callcheck/join.h"
#include "callcheck/report.h"
#include "callcheck/rules.h"
#include "document/document.h"
#include "finding.h"
#include "schema/navigator.h"

namespace callcheck::rules::support {
struct Visit;  // rules/walk.h: one value of the shared walk, with its schema and path
}  // namespace callcheck::rules::support

namespace callcheck::detail {

// Which values a rule's visit() is called for.
constexpr unsigned kVisitObjects = 1U;
constexpr unsigned kVisitStrings = 2U;
constexpr unsigned kVisitOthers = 4U;  // arrays, numbers, booleans, null
constexpr unsigned kVisitAll = kVisitObjects | kVisitStrings | kVisitOthers;

struct RuleContext {
  // Always parsed: check() runs no rule on a document without a DOM, so a
  // rule never asks has_dom().
  const Document &doc;
  const Navigator &nav;
  const Scenario &scenario;
  ApiVersion api = ApiVersion::V1;
  std::string_view request_line;  // "" unless the body came from a .http/.md request
  const std::vector<Finding> &schema_findings;
  // Options::join_url read once per check (nullptr when none was given), and
  // Options::token_tenant: what the CC24x rules compare the body with.
  const JoinUrlResult *join_url = nullptr;
  std::optional<std::string_view> token_tenant{};
  // The calls-API request the body is for ("create", "answer", ...; issue 12).
  std::string_view request = "create";

  // The value at `pointer`, or nullptr.
  [[nodiscard]] auto find(std::string_view pointer) const -> const Value * { return doc.find(pointer); }
  // True when the schema already reported something at `pointer` (or, with
  // `or_below`, anywhere inside it): rules never repeat a schema diagnostic.
  [[nodiscard]] auto schema_reported(std::string_view pointer, bool or_below = false) const -> bool;

  mutable std::optional<std::vector<std::string_view>> reported_pointers{};  // sorted, for schema_reported
};

// One of a lint rule's messages, declared next to its kMeta:
//   static constexpr std::string_view kMessageIds[]{"not-https", "too-long"};
//   static constexpr Message kNotHttps = message(kMeta, kMessageIds, "not-https");
// A finding is reported with the constant (so it names its rule and message),
// and an id missing from kMessageIds does not compile: message() is then not
// a constant expression. The catalogue lists kMessageIds (RuleMeta::messages)
// and tests/rules asserts every finding's id and that every id is exercised.
struct Message {
  const RuleMeta *rule;
  std::string_view id;
};

namespace message_detail {
// Reached only while evaluating an undeclared id: not constexpr, so the
// constant that names one fails to compile.
inline auto undeclared_message_id() -> Message { return Message{nullptr, {}}; }
}  // namespace message_detail

template <std::size_t N>
constexpr auto message(const RuleMeta &meta, const std::string_view (&ids)[N], std::string_view id) -> Message {
  for (const std::string_view listed : ids) {
    if (listed == id) return Message{&meta, id};
  }
  return message_detail::undeclared_message_id();
}

template <std::size_t N>
constexpr auto message_ids_of(const std::string_view (&ids)[N]) -> MessageIds {
  return MessageIds{ids, N};
}

class DiagnosticSink {
 public:
  void report(const Message &message, std::string pointer, std::string text, std::string help = {}, bool at_key = false,
              std::optional<Fix> fix = std::nullopt) {
    // Room for a few at the first: a body with findings usually has several.
    if (findings_.capacity() == 0) findings_.reserve(8);
    findings_.emplace_back(*message.rule, std::move(text), std::move(pointer), std::move(help), at_key, std::move(fix));
    findings_.back().message_id = message.id;
  }
  [[nodiscard]] auto findings() -> std::vector<Finding> & { return findings_; }

 private:
  std::vector<Finding> findings_;
};

class Rule {
 public:
  Rule() = default;
  Rule(const Rule &) = delete;
  auto operator=(const Rule &) -> Rule & = delete;
  [[nodiscard]] virtual auto meta() const -> const RuleMeta & = 0;
  // A lint rule's kMessageIds; pipeline codes have none.
  [[nodiscard]] virtual auto message_ids() const -> MessageIds { return {}; }
  // Pipeline codes (parse errors, schema findings, scopes) are emitted by
  // their stage; their rule only documents them, so the default does nothing.
  virtual void check(const RuleContext &context, DiagnosticSink &sink) const {
    (void)context;
    (void)sink;
  }
  // False when check() is the default: run_rules() then never calls it.
  [[nodiscard]] virtual auto checks() const -> bool { return true; }
  // A rule that looks at values wherever they are registers for the kinds it
  // wants (kVisit*) and is called once per such value by the one walk that
  // run_rules() makes for all of them, in document order.
  [[nodiscard]] virtual auto visits() const -> unsigned { return 0; }
  virtual void visit(const RuleContext &context, const rules::support::Visit &value, DiagnosticSink &sink) const {
    (void)context;
    (void)value;
    (void)sink;
  }

 protected:
  // Not virtual, so that a rule's destructor is trivial and the registry is
  // a constant the compiler builds (rules.cc): rules live in the registry
  // only and are never deleted through a Rule pointer.
  ~Rule() = default;
};

// Runs `rules` over the body: each one's check(), then one shared walk for
// their visit()s (rules/run.cc).
void run_rules(const std::vector<const Rule *> &rules, const RuleContext &context, DiagnosticSink &sink);

// A code a pipeline stage emits (parse, schema, scopes, config, extraction,
// audit): its catalogue entry (src/catalog/) is all the registry needs.
template <const RuleMeta &Meta>
class Documented final : public Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return Meta; }
  [[nodiscard]] auto checks() const -> bool override { return false; }
};

// Closes the registry's list so that every rule line ends in a comma: adding
// a rule is one new line, never an edit of its neighbour.
struct EndOfRules {};

// The rules of the registry, in its order.
class RuleList {
 public:
  constexpr RuleList(const Rule *const *first, std::size_t count) : first_(first), count_(count) {}
  [[nodiscard]] constexpr auto begin() const -> const Rule *const * { return first_; }
  [[nodiscard]] constexpr auto end() const -> const Rule *const * { return first_ + count_; }
  [[nodiscard]] constexpr auto size() const -> std::size_t { return count_; }

 private:
  const Rule *const *first_;
  std::size_t count_;
};

// One instance of each rule and the list of their addresses, in the order
// given (the registry's order; the last type is EndOfRules), all constants:
// nothing is constructed, guarded or registered with atexit() at run time,
// where building the list was 2 k instructions of a one-file run and a
// static per rule had cost 12 k (issue 14).
template <typename... Rules>
class Registry {
  static constexpr std::size_t kCount = sizeof...(Rules) - 1;
  static constexpr std::tuple<Rules...> kRules{};
  template <std::size_t... I>
  static constexpr auto addresses(std::index_sequence<I...> /*unused*/) -> std::array<const Rule *, kCount> {
    return {&std::get<I>(kRules)...};
  }
  static constexpr std::array<const Rule *, kCount> kList = addresses(std::make_index_sequence<kCount>{});

 public:
  static_assert(std::is_same_v<std::tuple_element_t<kCount, std::tuple<Rules...>>, EndOfRules>,
                "the registry's list ends in EndOfRules");
  [[nodiscard]] static constexpr auto list() -> RuleList { return {kList.data(), kList.size()}; }
};

// Every rule, sorted by code.
[[nodiscard]] auto builtin_rules() -> RuleList;

}  // namespace callcheck::detail

#endif  // CALLCHECK_RULES_RULE_H_
