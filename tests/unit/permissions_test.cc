// The permission table (schemas/callcheck/permissions.json), alias
// normalisation, check_granted, and the corpus table test: every row of
// shared/corpus/graph-docs/manifest.tsv is either matched against the
// documented permissions or listed in kDecisions with a reason.
#include "document/rapidjson_adapter.h"

#include <fnmatch.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "callcheck/check.h"
#include "document/document.h"
#include "embed/embedded.h"
#include "permissions/permissions.h"
#include "permissions/permission_table.h"
#include "scenario/classify.h"
#include "schema/validate.h"

namespace callcheck::detail {
namespace {

auto names(const std::vector<Scope> &scopes) -> std::set<std::string> {
  std::set<std::string> out;
  for (const Scope &s : scopes) out.emplace(s.name);
  return out;
}

auto codes(const std::vector<Finding> &findings) -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const Finding &f : findings) out.emplace_back(f.rule->code);
  return out;
}

struct Evaluated {
  Scenario scenario;
  ScopeRequirement requirement;
  std::vector<Finding> findings;
};

auto evaluate(const std::string &text, ApiVersion api) -> Evaluated {
  const Document doc = Document::parse(text, Limits{});
  Evaluated out;
  out.scenario = classify(doc, out.findings);
  out.requirement = required_scopes(out.scenario, doc, api);
  return out;
}

auto granted_findings(const std::string &text, ApiVersion api, const std::vector<std::string> &granted)
    -> std::vector<Finding> {
  const Evaluated e = evaluate(text, api);
  std::vector<Finding> out;
  check_granted(granted, e.scenario, e.requirement, out);
  return out;
}

// Bodies ----------------------------------------------------------------------

const std::string kP2pService = R"({"callbackUri": "https://b/c", "targets": [{"identity": {"user": {"id": "u"}}}],
  "mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"}})";
const std::string kP2pApp = R"({"callbackUri": "https://b/c", "targets": [{"identity": {"user": {"id": "u"}}}],
  "mediaConfig": {"@odata.type": "microsoft.graph.appHostedMediaConfig", "blob": "x"}})";
const std::string kPstn = R"({"callbackUri": "https://b/c", "targets": [{"identity": {"phone": {"id": "+1"}}}],
  "mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"}})";
const std::string kGroupService = R"({"callbackUri": "https://b/c", "targets": [{"identity": {"user": {"id": "u"}}},
  {"identity": {"user": {"id": "v"}}}], "mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"}})";
const std::string kGroupApp = R"({"callbackUri": "https://b/c", "targets": [{"identity": {"user": {"id": "u"}}},
  {"identity": {"user": {"id": "v"}}}], "mediaConfig": {"@odata.type": "#microsoft.graph.appHostedMediaConfig"}})";
const std::string kJoinService = R"({"callbackUri": "https://b/c",
  "meetingInfo": {"@odata.type": "#microsoft.graph.organizerMeetingInfo"},
  "mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"}})";
const std::string kJoinApp = R"({"callbackUri": "https://b/c",
  "meetingInfo": {"@odata.type": "#microsoft.graph.organizerMeetingInfo"},
  "mediaConfig": {"@odata.type": "#microsoft.graph.appHostedMediaConfig"}})";
const std::string kJoinById = R"({"callbackUri": "https://b/c",
  "meetingInfo": {"@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", "joinMeetingId": "1"},
  "mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"}})";
const std::string kGuest = R"({"callbackUri": "https://b/c", "source": {"identity": {"guest": {"id": "g"}}},
  "meetingInfo": {"@odata.type": "#microsoft.graph.organizerMeetingInfo"},
  "mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"}})";
const std::string kNeither = R"({"callbackUri": "https://b/c",
  "mediaConfig": {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig"}})";

// The data file -----------------------------------------------------------------

TEST(PermissionTable, ValidatesAgainstItsSchema) {
  const std::string_view text = embedded_file("callcheck/permissions.json");
  ASSERT_FALSE(text.empty());
  ASSERT_FALSE(embedded_file("callcheck/permissions.schema.json").empty());
  const Document doc = Document::parse(text, Limits{});
  ASSERT_TRUE(doc.has_dom());
  EXPECT_TRUE(doc.findings().empty());
  const std::vector<Finding> findings = validate_against(doc, "callcheck/permissions.schema.json");
  for (const Finding &f : findings) ADD_FAILURE() << f.rule->code << " " << f.pointer << ": " << f.message;
}

TEST(PermissionTable, SchemaRejectsBrokenTables) {
  const std::vector<std::string> broken = {
      // a kind is missing
      R"({"scopes": {"A": {"consent": "admin", "grants": "g", "source": "s"}}, "aliases": {}, "scenarios": {}})",
      // a condition with two predicates (an expression language in disguise)
      R"({"scopes": {}, "aliases": {}, "scenarios": {"unknown": {"note": "n", "required": [{"scope": "A", "reason": "r",
         "source": "s", "when": {"pointer": "/a", "present": true, "equals": "x"}}]}}})",
      // an alias without its source
      R"({"scopes": {}, "aliases": {"X": {"canonical": "Y"}}, "scenarios": {}})",
  };
  for (const std::string &text : broken) {
    const Document doc = Document::parse(text, Limits{});
    ASSERT_TRUE(doc.has_dom()) << text;
    EXPECT_FALSE(validate_against(doc, "callcheck/permissions.schema.json").empty()) << text;
  }
}

TEST(PermissionTable, EveryCallKindHasAnEntryAndEveryKeyIsAKind) {
  const std::string_view text = embedded_file("callcheck/permissions.json");
  rapidjson::Document json;
  json.Parse(text.data(), text.size());
  ASSERT_TRUE(json.IsObject());
  const rapidjson::Value &scenarios = json["scenarios"];
  std::set<std::string> kinds;
  for (auto k = static_cast<int>(CallKind::Unknown); k <= static_cast<int>(CallKind::Ambiguous); ++k) {
    const std::string name(to_string(static_cast<CallKind>(k)));
    kinds.insert(name);
    EXPECT_TRUE(scenarios.HasMember(name.c_str())) << name;
  }
  EXPECT_EQ(kinds.size(), 8U);  // update together with CallKind
  for (const auto &m : scenarios.GetObject()) EXPECT_EQ(kinds.count(m.name.GetString()), 1U) << m.name.GetString();
  // Unknown and Ambiguous derive nothing; every other kind has a base scope.
  EXPECT_EQ(scenarios["unknown"]["required"].Size(), 0U);
  EXPECT_EQ(scenarios["ambiguous"]["required"].Size(), 0U);
}

TEST(PermissionTable, EveryScopeAndAliasTargetIsDeclared) {
  const std::string_view text = embedded_file("callcheck/permissions.json");
  rapidjson::Document json;
  json.Parse(text.data(), text.size());
  const rapidjson::Value &scopes = json["scopes"];
  auto declared = [&](const rapidjson::Value &entries) {
    for (const rapidjson::Value &e : entries.GetArray()) {
      EXPECT_TRUE(scopes.HasMember(e["scope"])) << e["scope"].GetString();
    }
  };
  for (const auto &kind : json["scenarios"].GetObject()) {
    declared(kind.value["required"]);
    if (kind.value.HasMember("alternatives")) {
      for (const rapidjson::Value &alt : kind.value["alternatives"].GetArray()) declared(alt["scopes"]);
    }
  }
  std::set<std::string> folded;
  for (const auto &m : scopes.GetObject()) EXPECT_TRUE(folded.insert(fold_scope_name(m.name.GetString())).second);
  for (const auto &alias : json["aliases"].GetObject()) {
    EXPECT_TRUE(scopes.HasMember(alias.value["canonical"])) << alias.name.GetString();
    EXPECT_FALSE(scopes.HasMember(alias.name)) << "an alias is itself canonical: " << alias.name.GetString();
  }
  EXPECT_EQ(known_scopes(), (std::vector<std::string>{"Calls.AccessMedia.All", "Calls.AccessMedia.Chat",
                                                      "Calls.Initiate.All", "Calls.InitiateGroupCall.All",
                                                      "Calls.JoinGroupCall.All", "Calls.JoinGroupCallAsGuest.All",
                                                      "Calls.JoinGroupCalls.Chat", "Calls.ReportSyntheticMedia.All"}));
}

// The compiled table (tools/permc) is the data file, entry for entry: read
// here from the embedded copy of permissions.json, independently of permc.
auto sv(const rapidjson::Value &v) -> std::string_view { return {v.GetString(), v.GetStringLength()}; }

void expect_entries(const permission_table::Slice<permission_table::Entry> &compiled, const rapidjson::Value *json,
                    const std::string &where) {
  using permission_table::Op;
  const rapidjson::SizeType n = json == nullptr ? 0 : json->Size();
  ASSERT_EQ(compiled.size, n) << where;
  for (rapidjson::SizeType i = 0; i < n; ++i) {
    const rapidjson::Value &e = (*json)[i];
    const permission_table::Entry &c = compiled.begin()[i];
    const std::string at = where + "[" + std::to_string(i) + "]";
    EXPECT_EQ(c.scope, sv(e["scope"])) << at;
    EXPECT_EQ(c.reason, sv(e["reason"])) << at;
    if (!e.HasMember("when")) {
      EXPECT_EQ(c.op, Op::Always) << at;
      continue;
    }
    const rapidjson::Value &when = e["when"];
    EXPECT_EQ(c.pointer, sv(when["pointer"])) << at;
    std::vector<std::string_view> values;
    for (const std::string_view v : c.values) values.push_back(v);
    if (when.HasMember("present")) {
      EXPECT_EQ(c.op, Op::Present) << at;
      EXPECT_EQ(c.present, when["present"].GetBool()) << at;
      EXPECT_TRUE(values.empty()) << at;
    } else if (when.HasMember("equals")) {
      EXPECT_EQ(c.op, Op::Equals) << at;
      EXPECT_EQ(values, std::vector<std::string_view>{sv(when["equals"])}) << at;
    } else {
      EXPECT_EQ(c.op, Op::In) << at;
      std::vector<std::string_view> expected;
      for (const rapidjson::Value &v : when["in"].GetArray()) expected.push_back(sv(v));
      EXPECT_EQ(values, expected) << at;
    }
  }
}

void expect_rules(const permission_table::Slice<permission_table::Rule> &compiled, const rapidjson::Value &json,
                  const std::string &section) {
  std::map<std::string_view, const rapidjson::Value *> sorted;
  for (const auto &m : json.GetObject()) sorted.emplace(sv(m.name), &m.value);
  ASSERT_EQ(compiled.size, sorted.size()) << section;
  const permission_table::Rule *c = compiled.begin();
  for (const auto &[name, rule] : sorted) {
    const std::string where = section + "/" + std::string(name);
    EXPECT_EQ(c->name, name) << where;
    EXPECT_EQ(c->note, sv((*rule)["note"])) << where;
    expect_entries(c->required, &(*rule)["required"], where + "/required");
    const rapidjson::SizeType alts = rule->HasMember("alternatives") ? (*rule)["alternatives"].Size() : 0;
    ASSERT_EQ(c->alternatives.size, alts) << where;
    for (rapidjson::SizeType i = 0; i < alts; ++i) {
      const rapidjson::Value &a = (*rule)["alternatives"][i];
      const permission_table::Alternative &ca = c->alternatives.begin()[i];
      const std::string at = where + "/alternatives/" + std::to_string(i);
      EXPECT_EQ(ca.note, sv(a["note"])) << at;
      std::vector<std::string_view> apis;
      for (const std::string_view api : ca.apis) apis.push_back(api);
      std::vector<std::string_view> expected;
      if (a.HasMember("api")) {
        for (const rapidjson::Value &api : a["api"].GetArray()) expected.push_back(sv(api));
      }
      EXPECT_EQ(apis, expected) << at;
      expect_entries(ca.scopes, &a["scopes"], at + "/scopes");
    }
    ++c;
  }
}

TEST(PermissionTable, CompiledTableEqualsTheDataFile) {
  const std::string_view text = embedded_file("callcheck/permissions.json");
  rapidjson::Document json;
  json.Parse(text.data(), text.size());
  ASSERT_TRUE(json.IsObject());
  const permission_table::Table &table = permission_table::kTable;
  expect_rules(table.scenarios, json["scenarios"], "scenarios");
  expect_rules(table.requests, json["requests"], "requests");
  // Spellings: a scope name first, then the aliases; the first canonical name a folded key gets stays.
  std::map<std::string, std::string> keys;
  for (const auto &m : json["scopes"].GetObject()) keys.emplace(fold_scope_name(sv(m.name)), m.name.GetString());
  for (const auto &m : json["aliases"].GetObject()) {
    keys.emplace(fold_scope_name(sv(m.name)), m.value["canonical"].GetString());
  }
  std::map<std::string, std::string> compiled;
  for (const permission_table::Key &k : table.keys) {
    EXPECT_TRUE(compiled.emplace(std::string(k.folded), std::string(k.canonical)).second) << std::string_view(k.folded);
  }
  EXPECT_EQ(compiled, keys);
  ASSERT_EQ(table.keys.size, keys.size());
  auto it = keys.begin();
  for (const permission_table::Key &k : table.keys)
    EXPECT_EQ(std::string_view(k.folded), (it++)->first) << "sorted by folded key";
  EXPECT_EQ(request_permission_names().size(), json["requests"].MemberCount());
}

// Aliases (GRAPH.md 2.3) -------------------------------------------------------

TEST(CanonicalScope, EverySpellingInCirculation) {
  const std::vector<std::pair<std::string, std::string>> spellings = {
      // create-call page permission table 2018-09-16 .. ca. 2022-06, v1.0 today
      {"Calls.JoinGroupCallsasGuest.All", "Calls.JoinGroupCallAsGuest.All"},
      {"Calls.JoinGroupCalls.All", "Calls.JoinGroupCall.All"},
      {"Calls.Initiate.All", "Calls.Initiate.All"},
      {"Calls.InitiateGroupCalls.All", "Calls.InitiateGroupCall.All"},
      // example notes of every version
      {"Calls.JoinGroupCallsAsGuest.All", "Calls.JoinGroupCallAsGuest.All"},
      // permissions reference 2019 -> CUR-P
      {"Calls.InitiateGroupCall.All", "Calls.InitiateGroupCall.All"},
      {"Calls.JoinGroupCall.All", "Calls.JoinGroupCall.All"},
      {"Calls.JoinGroupCallasGuest.All", "Calls.JoinGroupCallAsGuest.All"},
      // CUR-B table, CUR-VP
      {"Calls.JoinGroupCallAsGuest.All", "Calls.JoinGroupCallAsGuest.All"},
      // localized copies
      {"Calls.Initiate. All", "Calls.Initiate.All"},
      // media and resource-specific consent
      {"Calls.AccessMedia.All", "Calls.AccessMedia.All"},
      {"Calls.JoinGroupCalls.Chat", "Calls.JoinGroupCalls.Chat"},
      {"Calls.AccessMedia.Chat", "Calls.AccessMedia.Chat"},
      // case and whitespace variants
      {"calls.initiate.all", "Calls.Initiate.All"},
      {"CALLS.INITIATEGROUPCALLS.ALL", "Calls.InitiateGroupCall.All"},
      {" Calls.JoinGroupCall.All\n", "Calls.JoinGroupCall.All"},
  };
  for (const auto &[spelling, canonical] : spellings) {
    EXPECT_EQ(canonical_scope(spelling).value_or("<none>"), canonical) << spelling;
  }
}

TEST(CanonicalScope, UnknownNames) {
  for (const char *name : {"", "User.Read.All", "Calls.Foo.All", "Calls.JoinGroupCalls", "Calls.Initiate.Chat",
                           "OnlineMeetings.ReadWrite.All"}) {
    EXPECT_FALSE(canonical_scope(name).has_value()) << name;
  }
}

// required_scopes ----------------------------------------------------------------

TEST(RequiredScopes, PerKind) {
  struct Row {
    const std::string *body;
    ApiVersion api;
    CallKind kind;
    std::set<std::string> required;
    std::set<std::string> alternative;  // union of the alternatives' scopes
  };
  const std::vector<Row> rows = {
      {&kP2pService, ApiVersion::V1, CallKind::PeerToPeer, {"Calls.Initiate.All"}, {}},
      {&kP2pApp, ApiVersion::V1, CallKind::PeerToPeer, {"Calls.AccessMedia.All", "Calls.Initiate.All"}, {}},
      {&kPstn, ApiVersion::Beta, CallKind::PeerToPeerPstn, {"Calls.Initiate.All"}, {}},
      {&kGroupService, ApiVersion::V1, CallKind::GroupCall, {"Calls.InitiateGroupCall.All"}, {}},
      {&kGroupApp, ApiVersion::V1, CallKind::GroupCall, {"Calls.AccessMedia.All", "Calls.InitiateGroupCall.All"}, {}},
      {&kJoinService,
       ApiVersion::V1,
       CallKind::JoinMeeting,
       {"Calls.JoinGroupCall.All"},
       {"Calls.JoinGroupCalls.Chat"}},
      {&kJoinService,
       ApiVersion::Beta,
       CallKind::JoinMeeting,
       {"Calls.JoinGroupCall.All"},
       {"Calls.JoinGroupCalls.Chat"}},
      {&kJoinApp,
       ApiVersion::Beta,
       CallKind::JoinMeeting,
       {"Calls.AccessMedia.All", "Calls.JoinGroupCall.All"},
       {"Calls.AccessMedia.Chat", "Calls.JoinGroupCalls.Chat"}},
      {&kJoinById,
       ApiVersion::Beta,
       CallKind::JoinMeetingById,
       {"Calls.JoinGroupCall.All"},
       {"Calls.JoinGroupCalls.Chat"}},
      {&kGuest, ApiVersion::V1, CallKind::JoinMeetingAsGuest, {"Calls.JoinGroupCallAsGuest.All"}, {}},
      {&kNeither, ApiVersion::V1, CallKind::Ambiguous, {}, {}},
  };
  for (const Row &row : rows) {
    const Evaluated e = evaluate(*row.body, row.api);
    EXPECT_EQ(e.scenario.kind, row.kind) << *row.body;
    EXPECT_EQ(names(e.requirement.required), row.required) << *row.body;
    std::set<std::string> alt;
    for (const ScopeAlternative &a : e.requirement.alternatives) {
      EXPECT_FALSE(a.note.empty());
      for (const Scope &s : a.scopes) alt.emplace(s.name);
    }
    EXPECT_EQ(alt, row.alternative) << *row.body;
    EXPECT_FALSE(e.requirement.note.empty());
    // sorted by name, each with a one-line reason
    EXPECT_TRUE(std::is_sorted(e.requirement.required.begin(), e.requirement.required.end(),
                               [](const Scope &a, const Scope &b) { return a.name < b.name; }));
    for (const Scope &s : e.requirement.required) {
      EXPECT_FALSE(s.reason.empty());
      EXPECT_EQ(s.reason.find('\n'), std::string::npos);
    }
  }
}

TEST(RequiredScopes, UnknownSaysSo) {
  const Evaluated e = evaluate("[1, 2]", ApiVersion::V1);
  EXPECT_EQ(e.scenario.kind, CallKind::Unknown);
  EXPECT_TRUE(e.requirement.required.empty());
  EXPECT_TRUE(e.requirement.alternatives.empty());
  EXPECT_NE(e.requirement.note.find("no permission"), std::string::npos);
}

// check_granted -------------------------------------------------------------------

TEST(CheckGranted, Satisfied) {
  EXPECT_TRUE(granted_findings(kP2pService, ApiVersion::V1, {"Calls.Initiate.All"}).empty());
  EXPECT_TRUE(granted_findings(kGroupApp, ApiVersion::V1,
                               {"User.Read.All", "Calls.AccessMedia.All", "Calls.InitiateGroupCall.All"})
                  .empty());
}

TEST(CheckGranted, MissingScopeNamesItAndTheGrants) {
  const std::vector<Finding> f = granted_findings(kGroupService, ApiVersion::V1, {"Calls.Initiate.All"});
  ASSERT_EQ(codes(f), std::vector<std::string>{"CC302"});
  EXPECT_EQ(f[0].pointer, "/targets");
  EXPECT_EQ(f[0].message, "this group call needs Calls.InitiateGroupCall.All; granted: Calls.Initiate.All");
  EXPECT_NE(f[0].help.find("Calls.InitiateGroupCall.All"), std::string::npos);
}

TEST(CheckGranted, HigherScopeDoesNotImplyLower) {
  const std::vector<Finding> f = granted_findings(kP2pService, ApiVersion::V1, {"Calls.InitiateGroupCall.All"});
  ASSERT_EQ(codes(f), std::vector<std::string>{"CC302"});
  EXPECT_NE(f[0].message.find("needs Calls.Initiate.All"), std::string::npos);
}

TEST(CheckGranted, AccessMediaAloneIsNotEnough) {
  const std::vector<Finding> f = granted_findings(kP2pApp, ApiVersion::V1, {"Calls.AccessMedia.All"});
  ASSERT_EQ(codes(f), std::vector<std::string>{"CC302"});
  EXPECT_NE(f[0].message.find("needs Calls.Initiate.All;"), std::string::npos);
  const std::vector<Finding> none = granted_findings(kP2pApp, ApiVersion::V1, {});
  ASSERT_EQ(codes(none), std::vector<std::string>{"CC302"});
  EXPECT_NE(none[0].message.find("Calls.AccessMedia.All and Calls.Initiate.All"), std::string::npos);
  EXPECT_NE(none[0].message.find("granted: no Calls.* permission"), std::string::npos);
}

TEST(CheckGranted, AliasCountsAsCanonicalAndWarns) {
  const std::vector<Finding> f = granted_findings(kGroupService, ApiVersion::V1, {"Calls.InitiateGroupCalls.All"});
  ASSERT_EQ(codes(f), std::vector<std::string>{"CC303"});
  EXPECT_EQ(f[0].pointer, "");
  EXPECT_NE(f[0].message.find("`Calls.InitiateGroupCalls.All`"), std::string::npos);
  EXPECT_NE(f[0].message.find("`Calls.InitiateGroupCall.All`"), std::string::npos);
  const std::vector<Finding> guest = granted_findings(kGuest, ApiVersion::V1, {"Calls.JoinGroupCallsasGuest.All"});
  EXPECT_EQ(codes(guest), std::vector<std::string>{"CC303"});
  const std::vector<Finding> spaced = granted_findings(kP2pService, ApiVersion::V1, {"Calls.Initiate. All"});
  EXPECT_EQ(codes(spaced), std::vector<std::string>{"CC303"});
}

TEST(CheckGranted, UnknownCallsNameWarnsOtherNamesIgnored) {
  const std::vector<Finding> f =
      granted_findings(kP2pService, ApiVersion::V1, {"Calls.Initiate.All", "Calls.InitiateCall.All", "User.Read.All"});
  ASSERT_EQ(codes(f), std::vector<std::string>{"CC304"});
  EXPECT_NE(f[0].message.find("`Calls.InitiateCall.All`"), std::string::npos);
  EXPECT_EQ(f[0].pointer, "");
}

TEST(CheckGranted, ResourceSpecificConsentSatisfiesAJoin) {
  EXPECT_TRUE(granted_findings(kJoinService, ApiVersion::Beta, {"Calls.JoinGroupCalls.Chat"}).empty());
  EXPECT_TRUE(
      granted_findings(kJoinApp, ApiVersion::Beta, {"Calls.JoinGroupCalls.Chat", "Calls.AccessMedia.Chat"}).empty());
  // app-hosted needs the media half too; v1.0 lists the RSC permission as
  // least privileged since the generated permission table (CALLS-API.md G1)
  EXPECT_EQ(codes(granted_findings(kJoinApp, ApiVersion::Beta, {"Calls.JoinGroupCalls.Chat"})),
            std::vector<std::string>{"CC302"});
  EXPECT_TRUE(granted_findings(kJoinService, ApiVersion::V1, {"Calls.JoinGroupCalls.Chat"}).empty());
  EXPECT_TRUE(
      granted_findings(kJoinService, ApiVersion::V1, {"Calls.ReportSyntheticMedia.All", "Calls.JoinGroupCall.All"})
          .empty())
      << "Calls.ReportSyntheticMedia.All is a known permission (no CC304)";
  const std::vector<Finding> v1 = granted_findings(kJoinService, ApiVersion::V1, {});
  ASSERT_EQ(codes(v1), std::vector<std::string>{"CC302"});
  EXPECT_NE(v1[0].message.find("resource-specific consent"), std::string::npos);
  const std::vector<Finding> beta = granted_findings(kJoinService, ApiVersion::Beta, {});
  ASSERT_EQ(codes(beta), std::vector<std::string>{"CC302"});
  EXPECT_NE(beta[0].message.find("or Calls.JoinGroupCalls.Chat"), std::string::npos);
}

TEST(CheckGranted, NothingRequiredNothingMissing) {
  EXPECT_TRUE(granted_findings(kNeither, ApiVersion::V1, {}).empty());
}

// Scope and alternative texts are views, not copies: they must point at the
// constant permission table, never at the payload or a per-call buffer, so
// a report stays valid after its input and the thread's arenas moved on.
TEST(RequiredScopes, TextsOutliveTheInputAndTheCall) {
  Report report;
  {
    std::string text(kJoinService);
    report = check(text, "join.json", Options{});
    std::fill(text.begin(), text.end(), 'x');
  }
  for (int i = 0; i < 3; ++i) (void)check(kGroupService, "other.json", Options{});  // reuse the arenas
  ASSERT_FALSE(report.required_scopes.empty());
  ASSERT_FALSE(report.alternatives.empty());
  const auto in_table = [](std::string_view text) {
    for (const permission_table::Rule &rule : permission_table::kTable.scenarios) {
      for (const permission_table::Entry &e : rule.required) {
        if (std::string_view(e.scope).data() == text.data() || std::string_view(e.reason).data() == text.data())
          return true;
      }
      for (const permission_table::Alternative &alt : rule.alternatives) {
        if (std::string_view(alt.note).data() == text.data()) return true;
        for (const permission_table::Entry &e : alt.scopes) {
          if (std::string_view(e.scope).data() == text.data() || std::string_view(e.reason).data() == text.data())
            return true;
        }
      }
    }
    return false;
  };
  for (const Scope &s : report.required_scopes) {
    EXPECT_TRUE(canonical_scope(s.name).has_value()) << s.name;
    EXPECT_TRUE(in_table(s.name)) << s.name;
    EXPECT_TRUE(in_table(s.reason)) << s.reason;
  }
  for (const ScopeAlternative &alt : report.alternatives) {
    EXPECT_TRUE(in_table(alt.note)) << alt.note;
    for (const Scope &s : alt.scopes) EXPECT_TRUE(in_table(s.name)) << s.name;
  }
  const Report copy = report;  // copies share the static texts
  EXPECT_EQ(copy.required_scopes.front().name.data(), report.required_scopes.front().name.data());
}

TEST(CheckGranted, EndToEndThroughCheck) {
  Options options;
  options.granted_scopes = std::vector<std::string>{"Calls.Initiate.All", "Calls.JoinGroupCalls.All"};
  const Report report = check(kGroupService, "group.json", options);
  EXPECT_TRUE(report.scopes_checked);
  EXPECT_EQ(report.scenario.kind, CallKind::GroupCall);
  EXPECT_EQ(names(report.required_scopes), std::set<std::string>{"Calls.InitiateGroupCall.All"});
  std::multiset<std::string> got;
  for (const Diagnostic &d : report.diagnostics) {
    if (d.code.rfind("CC30", 0) == 0) got.insert(d.code);
    if (d.code == "CC302") {
      EXPECT_EQ(d.severity, Severity::Error);
      EXPECT_EQ(d.name, "missing-scope");
    }
    if (d.code == "CC303") {
      EXPECT_EQ(d.severity, Severity::Warning);
    }
  }
  EXPECT_EQ(got, (std::multiset<std::string>{"CC302", "CC303"}));
}

// The corpus ------------------------------------------------------------------------

struct ManifestRow {
  std::string file;
  std::string api;
  std::string scenario;
  std::string permissions;
};

auto read_file(const std::string &path) -> std::string {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

auto split(const std::string &text, const std::string &separator) -> std::vector<std::string> {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = text.find(separator, start);
    out.push_back(text.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + separator.size();
  }
}

auto trim(std::string s) -> std::string {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  return s;
}

auto read_manifest() -> std::vector<ManifestRow> {
  std::istringstream in(read_file(std::string(CALLCHECK_SHARED_DIR) + "/corpus/graph-docs/manifest.tsv"));
  std::vector<ManifestRow> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const std::vector<std::string> cols = split(line, "\t");
    if (cols.size() < 5) {
      ADD_FAILURE() << "malformed manifest row: " << line.substr(0, 80);
      continue;
    }
    rows.push_back(ManifestRow{cols[0], cols[2], cols[3], cols[4]});
  }
  return rows;
}

// The docs publish trailing commas ("95 of 172 doc bodies"); drop a ',' that is
// followed (after whitespace) by '}' or ']', outside strings, to still classify them.
auto strip_trailing_commas(const std::string &text) -> std::string {
  std::string out;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\' && i + 1 < text.size())
        out.push_back(text[++i]);
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == ',') {
      std::size_t j = i + 1;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n' || text[j] == '\r')) ++j;
      if (j < text.size() && (text[j] == '}' || text[j] == ']')) continue;
    }
    out.push_back(c);
  }
  return out;
}

// Scenario slug (manifest column 4) -> the kind the docs mean. Slugs not
// listed here must be covered by kDecisions, or the test fails.
auto kind_of_slug(const std::string &slug) -> std::optional<CallKind> {
  static const std::vector<std::pair<std::string, CallKind>> kSlugs = {
      {"p2p-service-hosted", CallKind::PeerToPeer},
      {"p2p-app-hosted", CallKind::PeerToPeer},
      {"pstn-p2p-service-hosted", CallKind::PeerToPeerPstn},
      {"pstn-p2p-app-hosted", CallKind::PeerToPeerPstn},
      {"group-service-hosted", CallKind::GroupCall},
      {"group-app-hosted", CallKind::GroupCall},
      {"join-private-meeting-service-hosted", CallKind::JoinMeeting},
      {"join-scheduled-meeting-service-hosted", CallKind::JoinMeeting},
      {"join-scheduled-meeting-app-hosted", CallKind::JoinMeeting},
      {"join-channel-meeting-service-hosted", CallKind::JoinMeeting},
      {"meet-now-service-hosted", CallKind::JoinMeeting},
      {"join-channel-meeting-guest-service-hosted", CallKind::JoinMeetingAsGuest},
      {"join-meeting-joinmeetingid-passcode", CallKind::JoinMeetingById},
      {"join-meeting-joinmeetingid", CallKind::JoinMeetingById},
  };
  for (const auto &[name, kind] : kSlugs) {
    if (name == slug) return kind;
  }
  return std::nullopt;
}

// Where the docs contradict themselves or say nothing (GRAPH.md 2.1, 2.4), what
// callcheck decides instead. First matching pattern wins. `matches_docs` false
// means the documented list must really differ (a stale row fails the test).
struct Decision {
  const char *pattern;  // fnmatch(3) over the manifest's file column
  bool request_body;    // false: not a create-call request body, not classified
  CallKind kind;
  std::set<std::string> required;
  const char *decision;
  const char *reason;
};

const std::vector<Decision> kDecisions = {
    {"responses/*", false, CallKind::Unknown, {}, "not checked", "201 Created response bodies, not requests"},
    {"notifications/*", false, CallKind::Unknown, {}, "not checked", "commsNotifications POSTed to the callback"},
    {"other/*", false, CallKind::Unknown, {}, "not checked", "the media-session blob that goes inside `blob`"},
    {"beta-2018-09-13-all-properties-template.json",
     true,
     CallKind::Ambiguous,
     {},
     "ambiguous (CC301), no scopes",
     "generated sample with every property: meetingInfo plus 1 target; docs state no permission"},
    {"beta-2018-09-14-group-service-hosted.invalid.json",
     true,
     CallKind::Ambiguous,
     {},
     "ambiguous (CC301), no scopes",
     "2018 draft group call sends meetingInfo and targets (GRAPH.md 2.2: join + invite); docs say "
     "InitiateGroupCalls + AccessMedia"},
    {"beta-2018-09-19-group-service-hosted.invalid.json",
     true,
     CallKind::GroupCall,
     {"Calls.InitiateGroupCall.All"},
     "Calls.InitiateGroupCall.All only",
     "2018-19 asks AccessMedia for service-hosted media; every later version and the page's own rule drop it "
     "(GRAPH.md 2.4)"},
    {"beta-2019-03-28-group-service-hosted.json",
     true,
     CallKind::GroupCall,
     {"Calls.InitiateGroupCall.All"},
     "Calls.InitiateGroupCall.All only",
     "same contradiction as above (GRAPH.md 2.4)"},
    {"beta-2019-group-service-hosted.json",
     true,
     CallKind::GroupCall,
     {"Calls.InitiateGroupCall.All"},
     "Calls.InitiateGroupCall.All only",
     "seed page, same contradiction as above (GRAPH.md 2.4)"},
    {"*group-app-hosted*",
     true,
     CallKind::GroupCall,
     {"Calls.AccessMedia.All", "Calls.InitiateGroupCall.All"},
     "add Calls.AccessMedia.All",
     "the group-app-hosted note omits AccessMedia, contradicting the page's own app-hosted rule (GRAPH.md 2.1)"},
    {"beta-2018-09-14-p2p-simultaneous-ring-service-hosted.json",
     true,
     CallKind::GroupCall,
     {"Calls.InitiateGroupCall.All"},
     "group call",
     "2 targets (user + phone) under Calls.Initiate.All in a 2018 draft only; GRAPH.md 2.2 classifies >= 2 targets "
     "as a group call"},
    {"beta-2018-09-14-pstn-p2p-service-hosted.json",
     true,
     CallKind::PeerToPeerPstn,
     {"Calls.Initiate.All"},
     "Calls.Initiate.All",
     "none stated in the 2018 draft; every later PSTN example states Calls.Initiate.All"},
    {"*join-meeting-joinmeetingid*",
     true,
     CallKind::JoinMeetingById,
     {"Calls.JoinGroupCall.All"},
     "Calls.JoinGroupCall.All (RSC alternative in beta)",
     "none stated (CUR-B Ex.6/7); the join permission is our inference (GRAPH.md 2.2)"},
    {"*join-scheduled-meeting-app-hosted*",
     true,
     CallKind::JoinMeeting,
     {"Calls.AccessMedia.All", "Calls.JoinGroupCall.All"},
     "Calls.JoinGroupCall.All + Calls.AccessMedia.All",
     "none stated; implied by the join permission and the app-hosted rule (GRAPH.md 2.1)"},
};

auto find_decision(const std::string &file) -> const Decision * {
  for (const Decision &d : kDecisions) {
    if (fnmatch(d.pattern, file.c_str(), 0) == 0) return &d;
  }
  return nullptr;
}

// Documented names, canonicalised; nullopt for "none stated". RSC names go to `rsc`.
auto documented(const std::string &text, std::set<std::string> &rsc) -> std::optional<std::set<std::string>> {
  if (text.rfind("none stated", 0) == 0) return std::nullopt;
  std::set<std::string> out;
  for (const std::string &raw : split(text, ", ")) {
    std::string name = trim(raw);
    if (const std::size_t paren = name.find(" ("); paren != std::string::npos) name.erase(paren);
    const std::optional<std::string> canonical = canonical_scope(name);
    if (!canonical) {
      ADD_FAILURE() << "documented permission not in the alias table: " << name;
      continue;
    }
    if (canonical->size() > 5 && canonical->compare(canonical->size() - 5, 5, ".Chat") == 0) {
      rsc.insert(*canonical);
    } else {
      out.insert(*canonical);
    }
  }
  return out;
}

TEST(Corpus, EveryDocumentedBodyMatchesTheDocsOrADecision) {
  const std::vector<ManifestRow> rows = read_manifest();
  ASSERT_GT(rows.size(), 100U) << "manifest not found under " << CALLCHECK_SHARED_DIR;
  std::size_t matched = 0;
  std::size_t decided = 0;
  std::size_t skipped = 0;
  std::set<const Decision *> used;
  for (const ManifestRow &row : rows) {
    SCOPED_TRACE(row.file);
    const Decision *decision = find_decision(row.file);
    if (decision != nullptr) used.insert(decision);
    if (decision != nullptr && !decision->request_body) {
      ++skipped;
      continue;
    }
    const ApiVersion api = row.api == "beta" ? ApiVersion::Beta : ApiVersion::V1;
    std::string text = read_file(std::string(CALLCHECK_SHARED_DIR) + "/corpus/graph-docs/" + row.file);
    ASSERT_FALSE(text.empty());
    const bool invalid = row.file.size() > 13 && row.file.compare(row.file.size() - 13, 13, ".invalid.json") == 0;
    if (invalid) text = strip_trailing_commas(text);
    const Document doc = Document::parse(text, Limits{});
    ASSERT_TRUE(doc.has_dom()) << "does not parse even without trailing commas";
    std::vector<Finding> findings;
    const Scenario scenario = classify(doc, findings);
    const ScopeRequirement requirement = required_scopes(scenario, doc, api);
    const std::set<std::string> computed = names(requirement.required);
    std::set<std::string> alternative;
    for (const ScopeAlternative &a : requirement.alternatives) {
      for (const Scope &s : a.scopes) alternative.emplace(s.name);
    }
    // Media from the slug, always.
    const bool app = row.scenario.find("app-hosted") != std::string::npos;
    const bool service = row.scenario.find("service-hosted") != std::string::npos;
    if (app) {
      EXPECT_EQ(scenario.media, MediaHosting::AppHosted);
    }
    if (service) {
      EXPECT_EQ(scenario.media, MediaHosting::ServiceHosted);
    }
    EXPECT_EQ(findings.empty(), scenario.kind != CallKind::Ambiguous);

    std::set<std::string> rsc;
    const std::optional<std::set<std::string>> docs = documented(row.permissions, rsc);
    for (const std::string &name : rsc) EXPECT_EQ(alternative.count(name), 1U) << name << " not offered as alternative";

    if (decision != nullptr) {
      ++decided;
      EXPECT_EQ(scenario.kind, decision->kind) << decision->pattern;
      EXPECT_EQ(computed, decision->required) << decision->pattern;
      const bool docs_agree = docs && *docs == computed && kind_of_slug(row.scenario) == scenario.kind;
      EXPECT_FALSE(docs_agree) << "decision row is stale (the docs agree): " << decision->pattern;
      continue;
    }
    const std::optional<CallKind> expected = kind_of_slug(row.scenario);
    ASSERT_TRUE(expected.has_value()) << "scenario slug neither matched nor listed: " << row.scenario;
    ASSERT_TRUE(docs.has_value()) << "no permission documented and no decision listed";
    EXPECT_EQ(scenario.kind, *expected) << to_string(scenario.kind);
    EXPECT_EQ(computed, *docs);
    ++matched;
  }
  for (const Decision &d : kDecisions)
    EXPECT_EQ(used.count(&d), 1U) << "decision matches no manifest row: " << d.pattern;
  EXPECT_EQ(matched + decided + skipped, rows.size());
  EXPECT_GT(matched, 30U);
  std::printf("corpus: %zu rows, %zu match the docs, %zu by decision, %zu not request bodies\n", rows.size(), matched,
              decided, skipped);
}

}  // namespace
}  // namespace callcheck::detail
