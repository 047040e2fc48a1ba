// The permission audit (`callcheck audit`): what the payloads of a repository
// need, what its app registration declares, and the difference. The findings
// themselves are Diagnostics in Reports (one per app file or payload); this is
// the summary every renderer prints once, after the files (Renderer::audit).
#ifndef CALLCHECK_AUDIT_H_
#define CALLCHECK_AUDIT_H_

#include <cstddef>  // std::size_t
#include <string>   // std::string
#include <vector>   // std::vector

#include "callcheck/diagnostic.h"

namespace callcheck {

// A payload that needs a permission, and why.
struct AuditPayload {
  std::string source;  // display path of the payload (the file that holds it)
  std::string origin;  // for bodies extracted from Markdown/.http: the block's first line
  Position position;   // where the scenario was decided (0:0 when unknown)
  std::string reason;  // one line, from the permission table
};

// One permission some payload needs, with every payload that needs it.
struct AuditNeed {
  std::string name;                     // canonical, e.g. "Calls.JoinGroupCall.All"
  bool rsc = false;                     // resource-specific consent (Teams manifest)
  std::vector<AuditPayload> needed_by;  // in input order
};

// One declared permission, as read from an app file.
struct AuditEntry {
  std::string source;  // display path of the app file
  Position position;
  std::string id;           // GUID as written (lower case); "" when declared by name
  std::string name;         // the permission it resolves to; "" when it resolves to none
  std::string written;      // the name written for it (reference, RSC name, label); "" = none
  std::string type;         // "Role", "Scope", "RSC", or "unknown" (scanned without a type)
  std::string method;       // "parsed" or "scanned"
  std::string application;  // which application of the file ("" when the file holds one)
  bool counted = false;     // it grants what `name` says (right type, right resource)
};

// One --app file: how it was read.
struct AuditDeclaration {
  std::string source;
  std::string format;  // "entra-legacy-manifest", "graph-application", "entra-manifest",
                       // "terraform-show-json", "terraform-json", "arm-template",
                       // "teams-manifest", "terraform-hcl", "script", "unrecognised"
  std::string method;  // "parsed" or "scanned"
  std::string note;    // e.g. "object members without the enclosing braces"
  std::size_t entries = 0;
};

struct AuditSummary {
  std::vector<std::string> required;       // permissions the payloads need (the covers chosen), sorted
  std::vector<std::string> declared;       // permissions the app files grant (counted entries), sorted
  std::vector<std::string> missing;        // required, not declared
  std::vector<std::string> excess;         // declared Calls.* permissions no payload needs
  std::vector<std::string> not_evaluated;  // declared, outside what payloads can tell (non-Calls.*)
  std::vector<AuditNeed> needs;            // one per required or missing name, sorted by name
  std::vector<AuditDeclaration> declarations;
  std::vector<AuditEntry> entries;  // every declared permission, in file order
  std::size_t payloads = 0;         // request bodies whose permissions were derived
  std::size_t unaudited = 0;        // request bodies whose permissions could not be derived
  std::string table_version;        // the embedded name <-> GUID table (Microsoft's data commit)
};

}  // namespace callcheck

#endif  // CALLCHECK_AUDIT_H_
