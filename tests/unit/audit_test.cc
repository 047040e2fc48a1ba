// The permission audit (src/audit/): the embedded name <-> GUID table, each
// reader on its own fixtures, the scanner's decisions, the evaluation, every
// file of ../shared/corpus/app-registrations/ against its manifest.tsv row,
// and the CC6xx catalogue: each rule's samples/invalid/ccNNN-name.* audited,
// its text output compared with tests/golden/audit/ccNNN-name.txt
// (CALLCHECK_UPDATE_GOLDEN=1 rewrites them).
#include "document/rapidjson_adapter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../golden/golden_util.h"
#include "audit/app_file.h"
#include "audit/evaluate.h"
#include "audit/permission_ids.h"
#include "callcheck/callcheck.h"
#include "document/document.h"
#include "embed/embedded.h"
#include "permissions/permissions.h"
#include "schema/validate.h"
#include "test_util.h"

namespace callcheck::detail {
namespace {

namespace fs = std::filesystem;

const fs::path kSource(CALLCHECK_SOURCE_DIR);
const fs::path kCorpus = fs::path(CALLCHECK_SHARED_DIR) / "corpus" / "app-registrations";

// ---- helpers ---------------------------------------------------------------------

auto rel(const fs::path &p) -> std::string { return fs::relative(p, kSource).generic_string(); }

auto read_app(const fs::path &p) -> AppFile {
  return read_app_file(test::read_text(p), p.is_absolute() ? rel(p) : p.generic_string());
}

auto app_from_text(const std::string &text, const std::string &name = "app.sh") -> AppFile {
  return read_app_file(text, name);
}

auto payload_reports(const std::vector<std::string> &payloads) -> std::vector<Report> {
  std::vector<Report> out;
  for (const std::string &p : payloads) {
    const fs::path path = kSource / p;
    out.push_back(check(test::read_text(path), p, Options{}));
  }
  return out;
}

auto valid_samples() -> std::vector<std::string> {
  std::vector<std::string> out;
  for (const auto &e : fs::directory_iterator(kSource / "samples" / "valid")) out.push_back(rel(e.path()));
  std::sort(out.begin(), out.end());
  return out;
}

struct AuditRun {
  std::vector<AppFile> apps;
  std::vector<Report> payloads;
  AuditOutcome outcome;
};

auto audit(std::vector<AppFile> apps, const std::vector<std::string> &payloads, AuditOptions options = {}) -> AuditRun {
  AuditRun run;
  run.apps = std::move(apps);
  run.payloads = payload_reports(payloads);
  run.outcome = evaluate_audit(run.apps, run.payloads, options);
  return run;
}

auto codes(const AuditRun &run) -> std::multiset<std::string> {
  std::multiset<std::string> out;
  for (const Report &r : run.outcome.app_reports) {
    for (const Diagnostic &d : r.diagnostics) out.insert(d.code);
  }
  for (const auto &list : run.outcome.payload_findings) {
    for (const Diagnostic &d : list) out.insert(d.code);
  }
  return out;
}

auto has(const AuditRun &run, const std::string &code) -> bool { return codes(run).count(code) > 0; }

auto set_of(const std::vector<std::string> &v) -> std::set<std::string> { return {v.begin(), v.end()}; }

auto calls_only(const std::vector<std::string> &v) -> std::set<std::string> {
  std::set<std::string> out;
  for (const std::string &n : v) {
    if (n.rfind("Calls.", 0) == 0) out.insert(n);
  }
  return out;
}

// What the CLI prints for the run (text format, no colour).
auto render_text(const AuditRun &run) -> std::string {
  RenderOptions options;
  options.tool_version = "golden";
  auto renderer = make_renderer(Format::Text, options);
  std::ostringstream out;
  Summary summary;
  renderer->begin(out);
  for (std::size_t i = 0; i < run.apps.size(); ++i) {
    summary.add(run.outcome.app_reports[i]);
    renderer->file(out, run.outcome.app_reports[i], run.apps[i].text);
  }
  for (std::size_t i = 0; i < run.payloads.size(); ++i) {
    Report r = run.payloads[i];
    r.diagnostics = run.outcome.payload_findings[i];
    summary.add(r);
    renderer->file(out, r, "");
  }
  renderer->audit(out, run.outcome.summary);
  renderer->end(out, summary);
  return out.str();
}

// ---- the table ---------------------------------------------------------------------

TEST(GraphPermissionTable, ValidatesAgainstItsSchema) {
  const std::string_view text = embedded_file("callcheck/graph-permissions.json");
  ASSERT_FALSE(text.empty());
  const Document doc = Document::parse(text, Limits{});
  ASSERT_TRUE(doc.has_dom());
  EXPECT_TRUE(doc.findings().empty());
  for (const Finding &f : validate_against(doc, "callcheck/graph-permissions.schema.json")) {
    ADD_FAILURE() << f.rule->code << " " << f.pointer << ": " << f.message;
  }
}

TEST(GraphPermissionTable, SchemaRejectsBrokenTables) {
  const std::string head = R"("description": "d", "source": {"repository": "r", "files": ["f"], "commit":
    "6cbd6bbd665a877560fdefbad74f3bdb5b57af88", "date": "2026-08-07", "licence": "MIT"},
    "resourceAppId": "00000003-0000-0000-c000-000000000000", "withoutId": [], "malformedIds": [], )";
  const std::vector<std::string> broken = {
      "{" + head + R"("permissions": [{"name": "A.B"}]})",                             // an entry without any id
      "{" + head + R"("permissions": [{"name": "A.B", "application": "284383ee"}]})",  // not 36 characters
      "{" + head + R"("permissions": [{"name": "A.B", "application": "284383ee-7f6e-4e40-a2a8-e85dcb029101",
                      "role": "x"}]})",                                                // an unknown member
  };
  for (const std::string &text : broken) {
    const Document doc = Document::parse(text, Limits{});
    ASSERT_TRUE(doc.has_dom()) << text;
    EXPECT_FALSE(validate_against(doc, "callcheck/graph-permissions.schema.json").empty()) << text;
  }
}

TEST(GraphPermissionTable, IdsAreLowerCaseGuidsNamesSortedAndUnique) {
  const PermissionIds &table = PermissionIds::builtin();
  ASSERT_GT(table.all().size(), 1000U);
  std::string previous;
  for (const PermissionInfo &p : table.all()) {
    EXPECT_LT(previous, p.name) << "sorted, unique";
    previous = p.name;
    for (const std::string_view *id : {&p.application, &p.delegated, &p.personal}) {
      if (!id->empty()) {
        EXPECT_EQ(normal_guid(*id), *id) << p.name;
      }
    }
    EXPECT_FALSE(p.application.empty() && p.delegated.empty() && p.personal.empty()) << p.name;
  }
}

// tools/permc --ids sorts the indexes at build time; this rebuilds them from
// the embedded file the way the run-time loader did (first name wins in each
// map, ids in row order) and asks the compiled table every question.
TEST(GraphPermissionTable, CompiledIndexesEqualTheDataFile) {
  const Document doc = Document::parse(embedded_file("callcheck/graph-permissions.json"), Limits{});
  ASSERT_TRUE(doc.has_dom());
  const auto text = [](const Value &o, const char *name) -> std::string {
    const auto it = o.FindMember(name);
    return it == o.MemberEnd() || !it->value.IsString()
               ? std::string()
               : std::string(it->value.GetString(), it->value.GetStringLength());
  };
  const PermissionIds &t = PermissionIds::builtin();
  const Value &list = doc.root()["permissions"];
  ASSERT_EQ(t.all().size(), list.Size());
  std::map<std::string, std::size_t> by_name, by_folded, by_loose;
  std::map<std::string, std::vector<std::pair<std::size_t, IdScheme>>> by_id;
  std::set<std::string> segments;
  std::set<std::string> without;
  const auto segment = [](const std::string &n) { return n.substr(0, n.find('.')); };
  for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
    const Value &e = list[i];
    const PermissionInfo &p = t.all()[i];
    const std::string name = text(e, "name");
    EXPECT_EQ(p.name, name);
    EXPECT_EQ(p.application, text(e, "application")) << name;
    EXPECT_EQ(p.delegated, text(e, "delegated")) << name;
    EXPECT_EQ(p.personal, text(e, "personal")) << name;
    EXPECT_EQ(p.rsc, e.HasMember("rsc")) << name;
    EXPECT_EQ(p.openid, text(e, "source") == "openid") << name;
    by_name.emplace(name, i);
    by_folded.emplace(fold_scope_name(name), i);
    by_loose.emplace(loose_key(name), i);
    segments.insert(segment(name));
    if (!p.application.empty()) by_id[std::string(p.application)].emplace_back(i, IdScheme::Application);
    if (!p.delegated.empty()) by_id[std::string(p.delegated)].emplace_back(i, IdScheme::Delegated);
    if (!p.personal.empty()) by_id[std::string(p.personal)].emplace_back(i, IdScheme::Personal);
  }
  for (const Value &e : doc.root()["withoutId"].GetArray()) {
    const std::string name(e.GetString(), e.GetStringLength());
    without.insert(fold_scope_name(name));
    segments.insert(segment(name));
    EXPECT_TRUE(t.without_id(name)) << name;
    EXPECT_TRUE(t.looks_like_permission(name) || name.find('.') == std::string::npos) << name;
  }
  const auto index_of = [&t](const PermissionInfo *p) -> long {
    return p == nullptr ? -1 : static_cast<long>(p - t.all().data());
  };
  for (const auto &[name, row] : by_name) EXPECT_EQ(index_of(t.by_name(name)), static_cast<long>(row)) << name;
  for (const auto &[key, row] : by_loose) EXPECT_EQ(index_of(t.by_loose_name(key)), static_cast<long>(row)) << key;
  for (const auto &[folded, row] : by_folded) {
    // meant() asks permissions.json's aliases first; a folded key they do not know goes to the table.
    if (canonical_scope(folded)) continue;
    EXPECT_EQ(index_of(t.meant(folded)), static_cast<long>(row)) << folded;
  }
  for (const auto &[id, rows] : by_id) {
    const std::vector<IdMatch> got = t.by_id(id);
    ASSERT_EQ(got.size(), rows.size()) << id;
    for (std::size_t k = 0; k < rows.size(); ++k) {
      EXPECT_EQ(index_of(got[k].permission), static_cast<long>(rows[k].first)) << id;
      EXPECT_EQ(got[k].scheme, rows[k].second) << id;
    }
    std::string upper = id;
    for (char &c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    EXPECT_EQ(t.by_id(upper).size(), rows.size()) << "case-insensitive: " << upper;
  }
  for (const std::string &s : segments) EXPECT_TRUE(t.looks_like_permission(s + ".Anything")) << s;
  EXPECT_FALSE(t.looks_like_permission("Nonexistentfamily.Read"));
  EXPECT_FALSE(t.without_id("Calls.Initiate.All"));
  EXPECT_EQ(t.by_name("calls.initiate.all"), nullptr) << "by_name is exact";
  EXPECT_TRUE(t.by_id("284383ee-7f6e-4e40-a2a8-e85dcb02910").empty()) << "not a GUID";
}

TEST(GraphPermissionTable, IsTheCorpusDataOfItsStatedCommit) {
  // The first line of graph-permissions.tsv names the commit the table says it is.
  std::ifstream tsv(kCorpus / "graph-permissions.tsv");
  std::string comment;
  std::getline(tsv, comment);
  const std::string_view version = PermissionIds::builtin().version();
  EXPECT_EQ(version, "microsoftgraph/microsoft-graph-devx-content@6cbd6bbd (2026-08-07)");
  EXPECT_NE(comment.find("6cbd6bbd665a877560fdefbad74f3bdb5b57af88"), std::string::npos);
  // Spot checks against CALLS-API.md 3.1.
  const PermissionIds &t = PermissionIds::builtin();
  const std::map<std::string, std::string> application = {
      {"Calls.Initiate.All", "284383ee-7f6e-4e40-a2a8-e85dcb029101"},
      {"Calls.InitiateGroupCall.All", "4c277553-8a09-487b-8023-29ee378d8324"},
      {"Calls.JoinGroupCall.All", "f6b49018-60ab-4f81-83bd-22caeabfed2d"},
      {"Calls.JoinGroupCallAsGuest.All", "fd7ccf6b-3d28-418b-9701-cd10f5cd2fd4"},
      {"Calls.AccessMedia.All", "a7a681dc-756e-4909-b988-f160edc6655f"},
      {"Calls.ReportSyntheticMedia.All", "050b0d28-840a-4ff6-bdf9-cc6221acbc1f"},
      {"Calls.JoinGroupCalls.Chat", "a01e73f1-94da-4f6d-9b73-02e4ea65560b"},
      {"Calls.AccessMedia.Chat", "e716890c-c30a-4ac3-a0e3-551e7d9e8deb"},
  };
  for (const auto &[name, id] : application) {
    const PermissionInfo *p = t.by_name(name);
    ASSERT_NE(p, nullptr) << name;
    EXPECT_EQ(p->application, id) << name;
    EXPECT_TRUE(p->delegated.empty()) << name << ": calling permissions are application-only";
    EXPECT_EQ(p->rsc, name.size() > 5 && name.substr(name.size() - 5) == ".Chat") << name;
  }
  ASSERT_NE(t.by_name("Presence.Read.All"), nullptr);
  EXPECT_EQ(t.by_name("Presence.Read.All")->delegated, "9c7a330d-35b3-4aa1-963d-cb2b9f927841");
}

TEST(GraphPermissionTable, EveryCanonicalCallsScopeOfThePermissionTableHasAnApplicationId) {
  for (const std::string &name : known_scopes()) {
    const PermissionInfo *p = PermissionIds::builtin().by_name(name);
    ASSERT_NE(p, nullptr) << name << " (permissions.json) is not in graph-permissions.json";
    EXPECT_FALSE(p->application.empty()) << name;
  }
}

TEST(GraphPermissionTable, OpenIdScopesAreKnownAndLegacyNamesAreNot) {
  const PermissionIds &t = PermissionIds::builtin();
  for (const char *name : {"openid", "profile", "email", "offline_access"}) {
    const PermissionInfo *p = t.by_name(name);
    ASSERT_NE(p, nullptr) << name;
    EXPECT_TRUE(p->openid);
    EXPECT_FALSE(t.by_id(p->delegated).empty());
  }
  EXPECT_EQ(t.by_name("Calls.JoinGroupCallasGuest.All"), nullptr);
  EXPECT_TRUE(t.without_id("Calls.JoinGroupCallasGuest.All"));
  // Documentation spellings mean their canonical permission (permissions.json aliases).
  ASSERT_NE(t.meant("Calls.JoinGroupCalls.All"), nullptr);
  EXPECT_EQ(t.meant("Calls.JoinGroupCalls.All")->name, "Calls.JoinGroupCall.All");
  EXPECT_EQ(t.meant("calls.initiate.all")->name, "Calls.Initiate.All");
  EXPECT_EQ(t.suggest("Calls.JoinGroup.All"), "Calls.JoinGroupCall.All");
  EXPECT_EQ(t.suggest("Calls.JoinGroupCall.Chat"), "Calls.JoinGroupCalls.Chat");
  EXPECT_EQ(t.by_loose_name("calls_join_group_call_all")->name, "Calls.JoinGroupCall.All");
  // User.Export.All: one GUID for both schemes.
  EXPECT_EQ(t.by_id("405a51b5-8d8d-430b-9842-8be4b0e9f324").size(), 2U);
  EXPECT_TRUE(resource_or_placeholder_id("00000003-0000-0000-c000-000000000000"));
  EXPECT_TRUE(resource_or_placeholder_id("cccccccc-cccc-cccc-cccc-cccccccccccc"));
  EXPECT_FALSE(resource_or_placeholder_id("284383ee-7f6e-4e40-a2a8-e85dcb029101"));
  EXPECT_EQ(normal_guid("284383EE-7F6E-4E40-A2A8-E85DCB029101"), "284383ee-7f6e-4e40-a2a8-e85dcb029101");
  EXPECT_EQ(normal_guid("284383ee-7f6e-4e40-a2a8-e85dcb02910"), "");
  EXPECT_EQ(normal_guid("284383ee+7f6e-4e40-a2a8-e85dcb029101"), "");
}

// ---- readers -------------------------------------------------------------------------

struct FormatCase {
  std::string file;
  std::string format;
  ReadMethod method;
  std::vector<std::string> ids_or_names;  // every declaring entry, in order
  std::set<std::string> codes;            // reader findings
};

TEST(AuditReaders, EachFormatIsDetectedByContentAndRead) {
  const std::vector<FormatCase> cases = {
      {"terraform-plan.json",
       "terraform-show-json",
       ReadMethod::Parsed,
       {"f6b49018-60ab-4f81-83bd-22caeabfed2d", "a7a681dc-756e-4909-b988-f160edc6655f",
        "fd7ccf6b-3d28-418b-9701-cd10f5cd2fd4", "e1fe6dd8-ba31-4d61-89e7-88639da4683d"},
       {}},
      {"terraform-state.json", "terraform-show-json", ReadMethod::Parsed, {"284383ee-7f6e-4e40-a2a8-e85dcb029101"}, {}},
      {"calling-bot.tf.json",
       "terraform-json",
       ReadMethod::Parsed,
       {"f6b49018-60ab-4f81-83bd-22caeabfed2d", "Calls.AccessMedia.All"},
       {"CC612"}},
      {"arm-template.json", "arm-template", ReadMethod::Parsed, {"284383ee-7f6e-4e40-a2a8-e85dcb029101"}, {"CC612"}},
      {"arm-template-list.json", "arm-template", ReadMethod::Parsed, {"4c277553-8a09-487b-8023-29ee378d8324"}, {}},
      {"entra-legacy-manifest.json",
       "entra-legacy-manifest",
       ReadMethod::Parsed,
       {"f6b49018-60ab-4f81-83bd-22caeabfed2d", "37f7f235-527c-4136-accd-4a02d197296e",
        "7427e0e9-2fba-42fe-b0c0-848c9e6a8182"},
       {}},
      {"required-resource-accesses.json",
       "entra-manifest",
       ReadMethod::Parsed,
       {"284383ee-7f6e-4e40-a2a8-e85dcb029101", "a7a681dc-756e-4909-b988-f160edc6655f"},
       {}},
      {"teams-manifest-rsc.json",
       "teams-manifest",
       ReadMethod::Parsed,
       {"Calls.JoinGroupCalls.Chat", "Calls.AccessMedia.Chat", "Calls.JoinGroupCall.Chat", "MeetingStage.Write.Chat"},
       {}},
      {"broken.json", "unrecognised", ReadMethod::Scanned, {}, {"CC616"}},
      {"readme.md", "unrecognised", ReadMethod::Scanned, {}, {"CC616"}},
  };
  for (const FormatCase &c : cases) {
    const AppFile f = read_app(kSource / "tests" / "audit" / "formats" / c.file);
    EXPECT_EQ(f.format, c.format) << c.file;
    EXPECT_EQ(f.method, c.method) << c.file;
    std::vector<std::string> got;
    for (const RawPermission &p : f.permissions) {
      if (p.declares) got.push_back(p.id.empty() ? p.name : p.id);
    }
    EXPECT_EQ(got, c.ids_or_names) << c.file;
    std::set<std::string> found;
    for (const AppFinding &finding : f.findings) found.emplace(finding.rule->code);
    EXPECT_EQ(found, c.codes) << c.file;
    EXPECT_EQ(f.input_error, c.format == "unrecognised") << c.file;
  }
}

TEST(AuditReaders, PositionsAreThoseOfTheIds) {
  const AppFile f = read_app(kSource / "tests" / "audit" / "formats" / "terraform-plan.json");
  ASSERT_FALSE(f.permissions.empty());
  EXPECT_EQ(f.permissions[0].span.begin.line, 19U);
  EXPECT_EQ(f.permissions[0].span.begin.column, 27U);
  EXPECT_EQ(f.permissions[0].pointer,
            "/planned_values/root_module/resources/0/values/required_resource_access/0/resource_access/0/id");
  EXPECT_EQ(f.permissions[0].application, "azuread_application.calling_bot");
  EXPECT_EQ(f.permissions[2].application, "module.extra.azuread_application_api_access.graph");
  EXPECT_EQ(f.permissions[3].type, DeclaredType::Scope);
  const AppFile t = read_app(kSource / "tests" / "audit" / "formats" / "teams-manifest-rsc.json");
  ASSERT_TRUE(t.teams.has_value());
  EXPECT_TRUE(t.teams->supports_calling);
  EXPECT_EQ(t.teams->web_app_id, "8d9e0f4a-7b1c-4e2d-9a3f-5c6b7d8e9f01");
  EXPECT_EQ(t.permissions[1].type, DeclaredType::RscDelegated);
}

TEST(AuditReaders, MembersWithoutBracesAreReadWithTheirOwnLineNumbers) {
  const AppFile f = app_from_text(
      "\"authorization\": { \"permissions\": { \"resourceSpecific\": [\n"
      "  { \"name\": \"Calls.JoinGroupCalls.Chat\", \"type\": \"Application\" } ] } }\n",
      "fragment.json");
  EXPECT_EQ(f.format, "teams-manifest");
  EXPECT_NE(f.note.find("without the enclosing braces"), std::string::npos);
  ASSERT_EQ(f.permissions.size(), 1U);
  EXPECT_EQ(f.permissions[0].span.begin.line, 2U);
  EXPECT_EQ(f.permissions[0].span.begin.column, 13U);
}

TEST(AuditReaders, JsonOfNoKnownShapeIsAFindingNamingTheFormatsTried) {
  const AppFile f = app_from_text(R"({"displayName": "bot"})", "x.json");
  ASSERT_EQ(f.findings.size(), 1U);
  EXPECT_EQ(f.findings[0].rule->code, "CC616");
  EXPECT_TRUE(f.input_error);
  for (const char *tried : {"Teams app manifest", "terraform show -json", ".tf.json", "ARM template",
                            "requiredResourceAccess", "script or HCL"}) {
    EXPECT_NE(f.findings[0].message.find(tried), std::string::npos) << tried;
  }
}

// ---- the scanner -------------------------------------------------------------------------

auto declared(const AppFile &f) -> std::vector<const RawPermission *> {
  std::vector<const RawPermission *> out;
  for (const RawPermission &p : f.permissions) {
    if (p.declares) out.push_back(&p);
  }
  return out;
}

TEST(AuditScanner, AzPermissionAddWithTypesAndLineColumns) {
  const AppFile f = app_from_text(
      "az ad app permission add --id cccccccc-cccc-cccc-cccc-cccccccccccc \\\n"
      "  --api 00000003-0000-0000-c000-000000000000 \\\n"
      "  --api-permissions 284383ee-7f6e-4e40-a2a8-e85dcb029101=Role e1fe6dd8-ba31-4d61-89e7-88639da4683d=Scope\n");
  EXPECT_EQ(f.format, "script");
  EXPECT_EQ(f.method, ReadMethod::Scanned);
  const auto d = declared(f);
  ASSERT_EQ(d.size(), 2U) << "the app id placeholder and the resource id are not permissions";
  EXPECT_EQ(d[0]->type, DeclaredType::Role);
  EXPECT_EQ(d[0]->span.begin.line, 3U);
  EXPECT_EQ(d[0]->span.begin.column, 21U);
  EXPECT_EQ(d[1]->type, DeclaredType::Scope);
}

TEST(AuditScanner, CommentsLabelButDoNotDeclare) {
  const AppFile f = app_from_text(
      "# Calls.JoinGroupCall.All: f6594d00-0bea-4a83-b09e-4c8c96bc5d28\n"
      "# a7a681dc-756e-4909-b988-f160edc6655f is only mentioned here\n"
      "az ad app permission add --api 00000003-0000-0000-c000-000000000000 \\\n"
      "  --api-permissions f6594d00-0bea-4a83-b09e-4c8c96bc5d28=Role\n");
  const auto d = declared(f);
  ASSERT_EQ(d.size(), 1U);
  EXPECT_EQ(d[0]->span.begin.line, 4U);
  EXPECT_EQ(d[0]->label, "Calls.JoinGroupCall.All");
  EXPECT_EQ(d[0]->label_span.begin.line, 1U);
}

TEST(AuditScanner, AHashInsideAWordOrStringIsNoComment) {
  const AppFile f = app_from_text(
      "echo \"#1E90FF\" ${#ids[@]}; az ad app permission add --api-permissions "
      "284383ee-7f6e-4e40-a2a8-e85dcb029101=Role\n");
  EXPECT_EQ(declared(f).size(), 1U);
}

TEST(AuditScanner, PowerShellRecordsGiveNameAndTypeAndALoopGivesTheFileType) {
  const AppFile f = app_from_text(
      "<# Calls.Initiate.All is not requested: a7a681dc-756e-4909-b988-f160edc6655f #>\n"
      "$Required = @(\n"
      "    @{\n"
      "        Name = 'Calls.JoinGroupCall.All'\n"
      "        Id   = 'f6b49018-60ab-4f81-83bd-22caeabfed2d'\n"
      "    }\n"
      ")\n"
      "# Type 'Scope' would be delegated\n"
      "foreach ($p in $Required) { $desired.Add(@{ Id = $p.Id; Type = 'Role' }) }\n",
      "register.ps1");
  const auto d = declared(f);
  ASSERT_EQ(d.size(), 1U);
  EXPECT_EQ(d[0]->label, "Calls.JoinGroupCall.All");
  EXPECT_EQ(d[0]->type, DeclaredType::Role);
  EXPECT_EQ(d[0]->type_evidence, "from line 9");
}

TEST(AuditScanner, UnknownGuidsWithoutPermissionContextAreIgnored) {
  const AppFile f = app_from_text(
      "TENANT=2b7a4c1e-9f3d-4e8a-b6c5-1d2e3f4a5b6c\n"
      "az ad app permission add --api-permissions 284383ee-7f6e-4e40-a2a8-e85dcb029101=Role\n");
  const auto d = declared(f);
  ASSERT_EQ(d.size(), 1U);
  EXPECT_EQ(d[0]->id, "284383ee-7f6e-4e40-a2a8-e85dcb029101");
}

TEST(AuditScanner, HclResolvesLiteralLocalsAndReportsEveryOtherReference) {
  const AppFile f = app_from_text(R"(locals {
  ids = {
    calls_initiate_all = "284383ee-7f6e-4e40-a2a8-e85dcb029101"
    unused_entry       = "4c277553-8a09-487b-8023-29ee378d8324"
  }
  bot_ids = {
    initiate = local.ids.calls_initiate_all
  }
}
resource "azuread_application" "bot" {
  required_resource_access {
    resource_app_id = local.graph
    resource_access {
      id   = local.bot_ids.initiate
      type = "Role"
    }
    resource_access {
      id   = each.value
      type = "Role"
    }
  }
}
resource "azuread_application_api_access" "graph" {
  role_ids  = [data.azuread_service_principal.g.app_role_ids["Calls.AccessMedia.All"], "f6b49018-60ab-4f81-83bd-22caeabfed2d"]
  scope_ids = [data.azuread_service_principal.g.oauth2_permission_scope_ids["User.Read"]]
}
)",
                                  "main.tf");
  EXPECT_EQ(f.format, "terraform-hcl");
  const auto d = declared(f);
  ASSERT_EQ(d.size(), 4U);
  EXPECT_EQ(d[0]->id, "284383ee-7f6e-4e40-a2a8-e85dcb029101");
  EXPECT_EQ(d[0]->via, "local.bot_ids.initiate -> local.ids.calls_initiate_all");
  EXPECT_EQ(d[0]->label, "Calls.Initiate.All") << "the map key names the permission";
  EXPECT_EQ(d[0]->span.begin.line, 14U);
  EXPECT_EQ(d[0]->application, "azuread_application.bot");
  EXPECT_EQ(d[1]->name, "Calls.AccessMedia.All");
  EXPECT_EQ(d[1]->type, DeclaredType::Role);
  EXPECT_EQ(d[2]->id, "f6b49018-60ab-4f81-83bd-22caeabfed2d");
  EXPECT_EQ(d[3]->name, "User.Read");
  EXPECT_EQ(d[3]->type, DeclaredType::Scope);
  ASSERT_EQ(f.findings.size(), 1U);
  EXPECT_EQ(f.findings[0].rule->code, "CC612");
  EXPECT_NE(f.findings[0].message.find("each.value"), std::string::npos);
  // The map entry nobody declares is a definition: checked, never granted.
  const auto unused = std::find_if(f.permissions.begin(), f.permissions.end(), [](const RawPermission &p) {
    return p.id == "4c277553-8a09-487b-8023-29ee378d8324";
  });
  ASSERT_NE(unused, f.permissions.end());
  EXPECT_FALSE(unused->declares);
}

TEST(AuditScanner, TextWithoutPermissionsIsNotRecognised) {
  const AppFile f = app_from_text("#!/bin/sh\naz ad app create --display-name bot\n");
  EXPECT_TRUE(f.input_error);
  ASSERT_EQ(f.findings.size(), 1U);
  EXPECT_EQ(f.findings[0].rule->code, "CC616");
}

TEST(AuditScanner, HostileInputIsBounded) {
  // Unclosed groups, stray closers, a comment that never ends, NUL bytes.
  std::string text(20000, '{');
  text += "}}]]))<# 284383ee-7f6e-4e40-a2a8-e85dcb029101 ";
  text += std::string("\0\0x=Role", 8);
  const AppFile f = app_from_text(text);
  EXPECT_TRUE(f.input_error);
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "a = { ";
  deep += "id = local.a.a.a.a.a.a.a.a.a.a\n";
  const AppFile g = app_from_text("locals {\n" + deep, "x.tf");
  (void)g;  // must not recurse without bound
}

// ---- evaluation ------------------------------------------------------------------------------

auto manifest(const std::vector<std::pair<std::string, std::string>> &entries,
              const std::string &resource = "00000003-0000-0000-c000-000000000000") -> AppFile {
  std::string access;
  for (const auto &[id, type] : entries) {
    access += (access.empty() ? "" : ", ") + std::string(R"({"id": ")") + id + R"(", "type": ")" + type + "\"}";
  }
  return app_from_text(
      R"({"requiredResourceAccess": [{"resourceAppId": ")" + resource + R"(", "resourceAccess": [)" + access + "]}]}",
      "app.json");
}

const std::string kJoin = "samples/valid/join-private-meeting.json";
const std::string kJoinApp = "samples/valid/join-meeting-app-hosted.json";
const std::string kGuest = "samples/valid/join-as-guest.json";
const std::string kP2p = "samples/valid/p2p-service-hosted.json";
const std::string kGroupApp = "samples/valid/group-call-app-hosted.json";
const std::string kJoinRole = "f6b49018-60ab-4f81-83bd-22caeabfed2d";
const std::string kInitiateRole = "284383ee-7f6e-4e40-a2a8-e85dcb029101";
const std::string kMediaRole = "a7a681dc-756e-4909-b988-f160edc6655f";

TEST(AuditEvaluate, MissingNamesThePayloadsThatNeedIt) {
  const AuditRun run = audit({manifest({{kJoinRole, "Role"}})}, {kJoin, kGuest, kP2p});
  EXPECT_EQ(set_of(run.outcome.summary.missing),
            (std::set<std::string>{"Calls.Initiate.All", "Calls.JoinGroupCallAsGuest.All"}));
  EXPECT_TRUE(run.outcome.summary.excess.empty());
  bool found = false;
  for (const Diagnostic &d : run.outcome.app_reports[0].diagnostics) {
    if (d.code != "CC601" || d.message.find("Calls.JoinGroupCallAsGuest.All") == std::string::npos) continue;
    found = true;
    EXPECT_EQ(d.severity, Severity::Error);
    EXPECT_NE(d.message.find("samples/valid/join-as-guest.json:8:7"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("as a guest"), std::string::npos) << "the reason";
    EXPECT_NE(d.help.find("fd7ccf6b-3d28-418b-9701-cd10f5cd2fd4"), std::string::npos);
    EXPECT_EQ(d.pointer, "/requiredResourceAccess/0/resourceAccess");
  }
  EXPECT_TRUE(found);
  ASSERT_EQ(run.outcome.summary.needs.size(), 3U);
  EXPECT_EQ(run.outcome.summary.payloads, 3U);
}

TEST(AuditEvaluate, ExcessIsAWarningAndAnErrorWithStrict) {
  const AppFile app = manifest({{kJoinRole, "Role"}, {kInitiateRole, "Role"}});
  AuditRun run = audit({app}, {kJoin});
  EXPECT_EQ(run.outcome.summary.excess, (std::vector<std::string>{"Calls.Initiate.All"}));
  AuditOptions strict;
  strict.strict = true;
  const AuditRun strict_run = audit({app}, {kJoin}, strict);
  for (const AuditRun *r : std::vector<const AuditRun *>{&run, &strict_run}) {
    const auto &ds = r->outcome.app_reports[0].diagnostics;
    const auto it = std::find_if(ds.begin(), ds.end(), [](const Diagnostic &d) { return d.code == "CC602"; });
    ASSERT_NE(it, ds.end());
    EXPECT_EQ(it->severity, r == &run ? Severity::Warning : Severity::Error);
  }
}

TEST(AuditEvaluate, NonCallsPermissionsAreNotEvaluated) {
  const AuditRun run = audit({manifest({{kJoinRole, "Role"},
                                        {"df021288-bdef-4463-88db-98f22de89214", "Role"},
                                        {"37f7f235-527c-4136-accd-4a02d197296e", "Scope"}})},
                             {kJoin});
  EXPECT_TRUE(run.outcome.summary.excess.empty());
  EXPECT_EQ(set_of(run.outcome.summary.not_evaluated), (std::set<std::string>{"User.Read.All", "openid"}));
  EXPECT_FALSE(has(run, "CC605")) << "OpenID scopes are known";
}

TEST(AuditEvaluate, RscInTheTeamsManifestSatisfiesAJoinAndTenantWideStaysAccepted) {
  const AppFile teams = app_from_text(R"({"manifestVersion": "1.17", "bots": [{"botId": "x", "supportsCalling": true}],
    "authorization": {"permissions": {"resourceSpecific": [
      {"name": "Calls.JoinGroupCalls.Chat", "type": "Application"},
      {"name": "Calls.AccessMedia.Chat", "type": "Application"}]}}})",
                                      "manifest.json");
  const AuditRun rsc_only = audit({teams}, {kJoinApp});
  EXPECT_TRUE(rsc_only.outcome.summary.missing.empty());
  EXPECT_TRUE(rsc_only.outcome.summary.excess.empty());
  // Both grant paths declared: neither is excess (a product decision), no CC611.
  const AuditRun both = audit({manifest({{kJoinRole, "Role"}, {kMediaRole, "Role"}}), teams}, {kJoinApp});
  EXPECT_TRUE(both.outcome.summary.excess.empty());
  EXPECT_FALSE(has(both, "CC611"));
  // Tenant-wide only: the RSC hint.
  const AuditRun tenant = audit({manifest({{kJoinRole, "Role"}, {kMediaRole, "Role"}})}, {kJoinApp});
  EXPECT_TRUE(has(tenant, "CC611"));
  // A guest join has no RSC alternative in the permission table: no hint.
  const AuditRun guest = audit({manifest({{"fd7ccf6b-3d28-418b-9701-cd10f5cd2fd4", "Role"}})}, {kGuest});
  EXPECT_FALSE(has(guest, "CC611"));
}

TEST(AuditEvaluate, WrongTypesAndResourcesAreNotCounted) {
  const AuditRun run = audit({manifest({{kJoinRole, "Scope"},
                                        {"9c7a330d-35b3-4aa1-963d-cb2b9f927841", "Role"},
                                        {"a01e73f1-94da-4f6d-9b73-02e4ea65560b", "Role"}})},
                             {kJoin});
  EXPECT_TRUE(has(run, "CC604"));
  EXPECT_TRUE(has(run, "CC603"));
  EXPECT_TRUE(has(run, "CC608"));
  EXPECT_EQ(run.outcome.summary.missing, (std::vector<std::string>{"Calls.JoinGroupCall.All"}));
  EXPECT_TRUE(run.outcome.summary.declared.empty());
  const AuditRun other = audit({manifest({{kJoinRole, "Role"}}, "00000002-0000-0000-c000-000000000000")}, {kJoin});
  EXPECT_TRUE(has(other, "CC613"));
  EXPECT_EQ(other.outcome.summary.missing, (std::vector<std::string>{"Calls.JoinGroupCall.All"}));
}

TEST(AuditEvaluate, PolicyAppliesToAuditFindings) {
  AuditOptions options;
  options.options.ignore = {"CC611"};
  options.options.rule_levels["CC601"] = RuleLevel::Warning;
  const AuditRun run = audit({manifest({{kJoinRole, "Role"}})}, {kJoinApp}, options);
  EXPECT_FALSE(has(run, "CC611"));
  for (const Diagnostic &d : run.outcome.app_reports[0].diagnostics) {
    if (d.code == "CC601") {
      EXPECT_EQ(d.severity, Severity::Warning);
    }
  }
}

TEST(AuditEvaluate, UnusableAndAmbiguousBodiesAreNamedNotDropped) {
  std::vector<Report> payloads;
  payloads.push_back(check("{\"callbackUri\": ", "broken.json", Options{}));
  payloads.push_back(check(R"({"callbackUri": "https://b/c", "mediaConfig": {"@odata.type":
                             "#microsoft.graph.serviceHostedMediaConfig"}})",
                           "ambiguous.json", Options{}));
  payloads.push_back(check(R"({"name": "not a call body"})", "package.json", Options{}));
  std::vector<AppFile> apps{manifest({{kJoinRole, "Role"}})};
  const AuditOutcome out = evaluate_audit(apps, payloads, AuditOptions{});
  ASSERT_EQ(out.payload_findings.size(), 3U);
  ASSERT_EQ(out.payload_findings[0].size(), 1U);
  EXPECT_EQ(out.payload_findings[0][0].code, "CC615");
  ASSERT_EQ(out.payload_findings[1].size(), 1U);
  EXPECT_EQ(out.payload_findings[1][0].code, "CC615");
  EXPECT_TRUE(out.payload_findings[2].empty()) << "a JSON file that is no call body is not a payload";
  EXPECT_EQ(out.summary.unaudited, 2U);
}

TEST(AuditEvaluate, AnUnreadableAppFileStopsTheVerdicts) {
  const AuditRun run = audit({app_from_text("{\"displayName\": \"x\"}", "a.json")}, {kJoin});
  EXPECT_TRUE(has(run, "CC616"));
  EXPECT_FALSE(has(run, "CC601")) << "missing would be about the wrong thing";
}

TEST(AuditEvaluate, TheMinimalBlockSatisfiesThePayloadsAndKeepsOtherPermissions) {
  const std::vector<std::string> payloads = valid_samples();
  const AuditRun run = audit({manifest({{kInitiateRole, "Role"},
                                        {"050b0d28-840a-4ff6-bdf9-cc6221acbc1f", "Role"},
                                        {"e1fe6dd8-ba31-4d61-89e7-88639da4683d", "Scope"}})},
                             payloads);
  ASSERT_FALSE(run.outcome.minimal.empty());
  const AppFile minimal = app_from_text(run.outcome.minimal, "minimal.json");
  EXPECT_EQ(minimal.format, "entra-manifest");
  const AuditRun again = audit({minimal}, payloads);
  EXPECT_TRUE(again.outcome.summary.missing.empty()) << run.outcome.minimal;
  EXPECT_TRUE(again.outcome.summary.excess.empty()) << run.outcome.minimal;
  EXPECT_EQ(set_of(again.outcome.summary.not_evaluated), (std::set<std::string>{"User.Read"}));
  EXPECT_EQ(calls_only(again.outcome.summary.declared),
            (std::set<std::string>{"Calls.AccessMedia.All", "Calls.Initiate.All", "Calls.InitiateGroupCall.All",
                                   "Calls.JoinGroupCall.All", "Calls.JoinGroupCallAsGuest.All"}));
}

TEST(AuditEvaluate, TeamsCallingAndAppIdChecks) {
  const AppFile off = app_from_text(R"({"manifestVersion": "1.17", "bots": [{"botId": "x"}],
    "webApplicationInfo": {"id": "1c7b6e2a-4d3f-4a8b-9c0d-7e6f5a4b3c21"}})",
                                    "manifest.json");
  const AppFile entra = app_from_text(R"({"appId": "8d9e0f4a-7b1c-4e2d-9a3f-5c6b7d8e9f01", "requiredResourceAccess": [
    {"resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": [{"id": ")" +
                                          kJoinRole + R"(", "type": "Role"}]}]})",
                                      "app.json");
  const AuditRun run = audit({entra, off}, {kJoin});
  EXPECT_TRUE(has(run, "CC610"));
  EXPECT_TRUE(has(run, "CC614"));
  const AuditRun no_calls = audit({entra, off}, {});
  EXPECT_FALSE(has(no_calls, "CC610")) << "nothing creates or joins a call";
}

// ---- every corpus file -------------------------------------------------------------------------

// What the audit finds in each file of ../shared/corpus/app-registrations/,
// with the payloads that model the code manifest.tsv's needed_calls column
// describes (samples/valid bodies of the same scenarios).
struct CorpusCase {
  std::string format;                    // manifest.tsv's format column
  std::vector<std::string> payloads;     // models of needed_calls
  std::set<std::string> declared_calls;  // Calls.* the audit counts (Role, or RSC)
  std::set<std::string> missing;
  std::set<std::string> excess;
  std::multiset<std::string> codes;  // every CC6xx finding except CC601/CC602/CC611
};

// Where the audit and the row's verdict differ, the case says why:
//  - meeting-fetcher-regrant: a verification script; its "removed permissions
//    (should NOT be present)" hashtable reads as declarations, so the audit
//    reports them excess. A scanner cannot tell a check list from a
//    declaration: do not pass such a file as --app.
//  - meeting-fetcher-azure-ad-main: `local.bot_graph_app_role_ids.x` resolves
//    through the two literal `locals` maps of the same file (both apps of the
//    file are audited as one).
//  - getpennie-setup: also CC606, the comment names OnlineMeetings.ReadWrite.All
//    for the delegated OnlineMeetings.Read id.
//  - unattributed-copilot: the `\  # comment` that ends the line continuation
//    (so only the first id reaches az) is not detected.
//  - the Teams manifests declare no Graph roles: audited alone, every needed
//    tenant-wide permission is missing (the roles live in Entra).
const std::map<std::string, CorpusCase> kCorpusCases = {
    {"brain-rotter-register-botapp.ps1",
     {"script",
      {kJoinApp},
      {"Calls.AccessMedia.All", "Calls.JoinGroupCall.All", "Calls.JoinGroupCallAsGuest.All"},
      {},
      {"Calls.JoinGroupCallAsGuest.All"},
      {}}},
    {"comms-samples-recordingbot-az-ad-app-create-output.json",
     {"az-app-json",
      {kJoinApp, kGuest},
      {},
      {"Calls.AccessMedia.All", "Calls.JoinGroupCall.All", "Calls.JoinGroupCallAsGuest.All"},
      {},
      {}}},
    {"comms-samples-recordingbot-az-permission-add.ps1",
     {"script",
      {kJoinApp, kGuest},
      {"Calls.AccessMedia.All", "Calls.JoinGroupCall.All", "Calls.JoinGroupCallAsGuest.All"},
      {},
      {},
      {}}},
    {"e611-ivr-create-botappregistration.ps1",
     {"script",
      {"samples/valid/p2p-app-hosted.json"},
      {"Calls.AccessMedia.All", "Calls.Initiate.All", "Calls.InitiateGroupCall.All", "Calls.JoinGroupCall.All",
       "Calls.JoinGroupCallAsGuest.All"},
      {},
      {"Calls.InitiateGroupCall.All", "Calls.JoinGroupCall.All", "Calls.JoinGroupCallAsGuest.All"},
      {}}},
    {"getpennie-setup-bot-app-registration-early.sh",
     {"script",
      {kJoin},
      {"Calls.AccessMedia.All"},
      {"Calls.JoinGroupCall.All"},
      {"Calls.AccessMedia.All"},
      {"CC603", "CC605", "CC606"}}},
    {"getpennie-teams-manifest.json", {"teams-manifest", {kJoin}, {}, {"Calls.JoinGroupCall.All"}, {}, {"CC610"}}},
    {"hamza-bot-calling-meeting-manifest-from-zip.json",
     {"teams-manifest",
      {kP2p, "samples/valid/group-call-service-hosted.json", kJoin, "samples/valid/p2p-app-hosted.json"},
      {},
      {"Calls.AccessMedia.All", "Calls.Initiate.All", "Calls.InitiateGroupCall.All", "Calls.JoinGroupCall.All"},
      {},
      {}}},
    {"meeting-fetcher-azure-ad-main-9cd238f.tf",
     {"terraform-hcl",
      {},
      {"Calls.Initiate.All", "Calls.JoinGroupCall.All"},
      {},
      {"Calls.Initiate.All", "Calls.JoinGroupCall.All"},
      {}}},
    {"meeting-fetcher-permissions.json", {"entra-legacy-manifest", {}, {}, {}, {}, {}}},
    {"meeting-fetcher-regrant-bot-app-consent.ps1",
     {"script",
      {},
      {"Calls.Initiate.All", "Calls.JoinGroupCall.All"},
      {},
      {"Calls.Initiate.All", "Calls.JoinGroupCall.All"},
      {"CC605", "CC605"}}},
    {"meeting-fetcher-teams-app-manifest.json", {"teams-manifest", {}, {}, {}, {}, {}}},
    {"msteams-docs-rsc-chat-manifest-v1.11-fragment.json",
     {"teams-manifest", {kJoinApp}, {"Calls.AccessMedia.Chat", "Calls.JoinGroupCalls.Chat"}, {}, {}, {}}},
    {"msteams-docs-rsc-chat-manifest-v1.12-fragment.json",
     {"teams-manifest", {kJoinApp}, {"Calls.AccessMedia.Chat", "Calls.JoinGroupCalls.Chat"}, {}, {}, {}}},
    {"teams-samples-bot-calling-meeting-manifest-devpreview.json", {"teams-manifest", {}, {}, {}, {}, {}}},
    {"teams-samples-callingbotsample-appmanifest-v1.14.json",
     {"teams-manifest",
      {kP2p, "samples/valid/group-call-service-hosted.json", kJoin, "samples/valid/p2p-app-hosted.json"},
      {},
      {"Calls.AccessMedia.All", "Calls.Initiate.All", "Calls.InitiateGroupCall.All", "Calls.JoinGroupCall.All"},
      {},
      {}}},
    {"teams-samples-callingbotsample-manifest-v1.14-rsc.json",
     {"teams-manifest",
      {kP2p, "samples/valid/group-call-service-hosted.json", kJoin, "samples/valid/p2p-app-hosted.json"},
      {},
      {"Calls.AccessMedia.All", "Calls.Initiate.All", "Calls.InitiateGroupCall.All", "Calls.JoinGroupCall.All"},
      {},
      {}}},
    {"unattributed-copilot-mcp-quickstart-az-permission-add.sh",
     {"script", {}, {"Calls.AccessMedia.All"}, {}, {"Calls.AccessMedia.All"}, {"CC606", "CC606"}}},
    {"unattributed-teams-bot-transcription-api-access.tf",
     {"terraform-hcl",
      {kJoinApp},
      {"Calls.AccessMedia.All", "Calls.InitiateGroupCall.All", "Calls.JoinGroupCall.All"},
      {},
      {"Calls.InitiateGroupCall.All"},
      {}}},
    {"virtual-receptionist-deploy-infrastructure-b8db844-appreg.ps1",
     {"script", {}, {"Calls.Initiate.All"}, {}, {"Calls.Initiate.All"}, {"CC603", "CC603", "CC605"}}},
};

// manifest.tsv's format names for ours (an object holding only
// requiredResourceAccess is either manifest shape; az prints the Graph one).
auto corpus_format(const std::string &ours) -> std::string {
  if (ours == "entra-manifest") return "entra-legacy-manifest";
  if (ours == "graph-application") return "az-app-json";
  return ours;
}

struct TsvRow {
  std::string file;
  std::string format;
  std::string declared_calls;
};

auto manifest_rows() -> std::vector<TsvRow> {
  std::ifstream in(kCorpus / "manifest.tsv");
  std::vector<TsvRow> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
      const std::size_t tab = line.find('\t', start);
      cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (cells.size() >= 6) rows.push_back(TsvRow{cells[0], cells[2], cells[5]});
  }
  return rows;
}

TEST(AuditCorpus, EveryFileHasARowAndACase) {
  std::set<std::string> files;
  for (const auto &e : fs::directory_iterator(kCorpus)) {
    const std::string name = e.path().filename().string();
    if (name != "README.md" && name != "manifest.tsv" && name != "graph-permissions.tsv") files.insert(name);
  }
  std::set<std::string> rows;
  for (const TsvRow &r : manifest_rows()) rows.insert(r.file);
  EXPECT_EQ(files, rows);
  std::set<std::string> cases;
  for (const auto &[name, c] : kCorpusCases) cases.insert(name);
  EXPECT_EQ(files, cases);
  EXPECT_EQ(files.size(), 19U);
}

class AuditCorpusFile : public ::testing::TestWithParam<TsvRow> {};

TEST_P(AuditCorpusFile, DeclaresWhatItsRowSaysAndTheAuditFindsWhatIsExpected) {
  const TsvRow &row = GetParam();
  const auto it = kCorpusCases.find(row.file);
  ASSERT_NE(it, kCorpusCases.end()) << row.file;
  const CorpusCase &c = it->second;
  const AppFile app = read_app_file(test::read_text(kCorpus / row.file), row.file);
  EXPECT_FALSE(app.input_error) << row.file;
  EXPECT_EQ(corpus_format(app.format), row.format) << row.file;
  EXPECT_EQ(app.method,
            row.format == "script" || row.format == "terraform-hcl" ? ReadMethod::Scanned : ReadMethod::Parsed);
  const AuditRun run = audit({app}, c.payloads);
  const AuditSummary &s = run.outcome.summary;
  EXPECT_EQ(calls_only(s.declared), c.declared_calls) << row.file;
  // Every Calls.* name the audit counts is one the row's declared_calls column lists.
  for (const std::string &name : c.declared_calls) {
    EXPECT_NE(row.declared_calls.find(name), std::string::npos) << row.file << ": " << name;
  }
  EXPECT_EQ(set_of(s.missing), c.missing) << row.file;
  EXPECT_EQ(set_of(s.excess), c.excess) << row.file;
  std::multiset<std::string> other;
  for (const std::string &code : codes(run)) {
    if (code != "CC601" && code != "CC602" && code != "CC611") other.insert(code);
  }
  EXPECT_EQ(other, c.codes) << row.file;
}

auto row_name(const ::testing::TestParamInfo<TsvRow> &info) -> std::string {
  std::string name = info.param.file;
  for (char &ch : name) {
    if (std::isalnum(static_cast<unsigned char>(ch)) == 0) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, AuditCorpusFile, ::testing::ValuesIn(manifest_rows()), row_name);

TEST(AuditCorpus, OneRepositoryTogether) {
  // GetPenn.ie: the setup script and the Teams manifest of the same bot.
  const AuditRun run =
      audit({read_app_file(test::read_text(kCorpus / "getpennie-setup-bot-app-registration-early.sh"), "setup.sh"),
             read_app_file(test::read_text(kCorpus / "getpennie-teams-manifest.json"), "manifest.json")},
            {kJoin});
  EXPECT_EQ(run.outcome.summary.missing, (std::vector<std::string>{"Calls.JoinGroupCall.All"}));
  EXPECT_EQ(run.outcome.summary.excess, (std::vector<std::string>{"Calls.AccessMedia.All"}));
  EXPECT_TRUE(has(run, "CC610"));
  // The missing permission is reported in the app registration, not the Teams manifest.
  EXPECT_EQ(codes(run).count("CC601"), 1U);
  const auto &ds = run.outcome.app_reports[0].diagnostics;
  EXPECT_TRUE(std::any_of(ds.begin(), ds.end(), [](const Diagnostic &d) { return d.code == "CC601"; }));
}

// ---- the CC6xx catalogue ----------------------------------------------------------------------

// How each rule's sample is audited: its own file as --app (or as the payload,
// for CC615), with these other files.
struct AuditSample {
  std::vector<std::string> extra_apps;
  bool sample_is_payload = false;
};

const std::map<std::string, AuditSample> kAuditSamples = {
    {"CC614", {{"samples/audit/app.json"}, false}},
    {"CC615", {{"samples/audit/app.json"}, true}},
};

auto audit_sample(const std::string &code, const std::string &sample) -> AuditRun {
  const auto it = kAuditSamples.find(code);
  const AuditSample how = it == kAuditSamples.end() ? AuditSample{} : it->second;
  std::vector<AppFile> apps;
  for (const std::string &a : how.extra_apps) apps.push_back(read_app(kSource / a));
  if (!how.sample_is_payload) apps.push_back(read_app(kSource / sample));
  return audit(std::move(apps), how.sample_is_payload ? std::vector<std::string>{sample} : valid_samples());
}

auto cc6_samples() -> std::vector<fs::path> {
  std::vector<fs::path> out;
  for (const auto &e : fs::directory_iterator(kSource / "samples" / "invalid")) {
    if (e.path().filename().string().rfind("cc6", 0) == 0) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(AuditCatalog, EveryAuditRuleHasASampleThatProducesItAndAGolden) {
  std::size_t rules = 0;
  for (const RuleMeta &meta : rule_catalog()) {
    if (meta.code.substr(0, 3) != "CC6") continue;
    ++rules;
    std::string lower(meta.code);
    for (char &ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    std::vector<fs::path> mine;
    for (const fs::path &p : cc6_samples()) {
      if (p.filename().string().rfind(lower + "-", 0) == 0) mine.push_back(p);
    }
    ASSERT_EQ(mine.size(), 1U) << meta.code << ": one samples/invalid/" << lower << "-" << meta.name << ".*";
    EXPECT_EQ(mine[0].stem().string(), lower + "-" + std::string(meta.name)) << "sample name must be <code>-<name>.*";
    const std::string sample = rel(mine[0]);
    const AuditRun run = audit_sample(std::string(meta.code), sample);
    EXPECT_TRUE(has(run, std::string(meta.code))) << sample << " does not produce " << meta.code;
    golden::compare(kSource / "tests" / "golden" / "audit" / (mine[0].stem().string() + ".txt"), render_text(run));
  }
  EXPECT_EQ(rules, 16U);
  for (const fs::path &p : cc6_samples()) {
    const std::string name = p.filename().string();
    EXPECT_NE(find_rule("CC" + name.substr(2, 3)), nullptr) << name;
  }
}

TEST(AuditCatalog, TheWorkedExampleIsAGolden) {
  // README "Audit": `callcheck audit --app app.json samples/valid/` as a library run.
  const AuditRun run = audit({read_app(kSource / "samples" / "audit" / "app.json")}, valid_samples());
  golden::compare(kSource / "tests" / "golden" / "audit" / "worked-example.txt", render_text(run));
  EXPECT_EQ(run.outcome.summary.missing, (std::vector<std::string>{"Calls.JoinGroupCallAsGuest.All"}));
  EXPECT_EQ(run.outcome.summary.excess, (std::vector<std::string>{"Calls.ReportSyntheticMedia.All"}));
}

}  // namespace
}  // namespace callcheck::detail
