// What one --app file declares, as its reader found it: the raw entries
// (ids and names as written, with their type and where they are), before any
// of them is looked up. src/audit/evaluate.cc judges them.
//
// Readers, one per format, each detecting its format by content:
//   entra_manifest.cc   requiredResourceAccess (legacy AAD Graph manifest,
//                       Microsoft Graph app manifest, az ad app show, the
//                       Graph `application` object, a bare list)
//   terraform_json.cc   `terraform show -json` (plan or state) and .tf.json
//   arm_template.cc     ARM JSON (compiled Bicep) with Microsoft.Graph/applications
//   teams_manifest.cc   the Teams app manifest (calling, RSC)
//   scanner.cc          scripts and HCL: permission GUIDs and names in context
// read_app.cc tries them in that order and says which formats it tried.
#ifndef CALLCHECK_AUDIT_APP_FILE_H_
#define CALLCHECK_AUDIT_APP_FILE_H_

#include <cstdint>      // std::uint8_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/diagnostic.h"
#include "callcheck/rules.h"

namespace callcheck::detail {

class Document;

enum class ReadMethod : std::uint8_t { Parsed, Scanned };
[[nodiscard]] auto to_string(ReadMethod method) -> std::string_view;  // "parsed" / "scanned"

// The type an entry is declared with. RSC entries come from a Teams manifest.
enum class DeclaredType : std::uint8_t { Role, Scope, Unknown, RscApplication, RscDelegated, Other };

// A finding of a reader, already located (readers know their text).
struct AppFinding {
  const RuleMeta *rule = nullptr;  // a catalogue entry (src/catalog/)
  std::string message;
  std::string help;
  Span span;
  std::string pointer;
  std::optional<Severity> severity;  // overrides the rule's default (CC607 in a comment)
};

struct RawPermission {
  std::string id;     // as written ("" when declared by name); may be no GUID
  std::string name;   // a declaring name: app_role_ids["X"], an RSC name
  std::string label;  // a name written next to the id (comment, Name =, _comment)
  Span label_span;
  DeclaredType type = DeclaredType::Unknown;
  std::string type_text;      // as written ("Role", "Application", …); "" when none
  std::string type_evidence;  // how a scanned type was found, e.g. "from line 29"
  std::string resource;       // resourceAppId as written; "" = not stated (Microsoft Graph assumed)
  std::string application;    // which application of the file
  std::string via;            // a reference it was resolved through ("local.ids.x")
  Span span;
  std::string pointer;      // parsed formats: where the id is
  bool declares = true;     // false: a definition (an id map entry), checked but not granted
  bool in_comment = false;  // a name in a comment or prose (CC607 is a warning there)
};

struct TeamsApp {
  bool complete = false;  // a whole manifest (manifestVersion), not a documentation fragment
  bool has_bots = false;
  bool supports_calling = false;
  Span bots_span;  // the first bot, or the manifest root
  std::string bots_pointer;
  std::string web_app_id;  // webApplicationInfo.id as written
  Span web_app_span;
  std::string web_app_pointer;
};

struct AppFile {
  std::string source;  // display path
  std::string text;    // kept for code frames
  std::string format;  // AuditDeclaration::format
  ReadMethod method = ReadMethod::Parsed;
  std::string note;
  std::vector<RawPermission> permissions;
  std::vector<AppFinding> findings;  // CC612 unresolved references, CC616, CC607 in comments…
  std::optional<TeamsApp> teams;
  std::string app_id;  // the Entra application (client) id, when the file states one
  Span app_id_span;
  std::string app_id_pointer;
  Span anchor;  // where a missing permission would be added
  std::string anchor_pointer;
  bool input_error = false;  // unreadable, or in none of the formats
};

// Reads one file, detecting its format by content. Never throws for bad
// input; a file in none of the formats is an AppFile with CC616.
[[nodiscard]] auto read_app_file(std::string_view text, const std::string &source) -> AppFile;

// The readers (nullopt: not this format). JSON readers take the parsed document.
[[nodiscard]] auto read_teams_manifest(const Document &doc) -> std::optional<AppFile>;
[[nodiscard]] auto read_terraform_json(const Document &doc) -> std::optional<AppFile>;
[[nodiscard]] auto read_arm_template(const Document &doc) -> std::optional<AppFile>;
[[nodiscard]] auto read_entra_manifest(const Document &doc) -> std::optional<AppFile>;
[[nodiscard]] auto scan_app_text(std::string_view text) -> std::optional<AppFile>;

}  // namespace callcheck::detail

#endif  // CALLCHECK_AUDIT_APP_FILE_H_
