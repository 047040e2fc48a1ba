// The scanner of scripts and HCL (scanner_lex.cc: dialect, byte classes and
// collection; scanner_script.cc: what a GUID or name in a script declares;
// scanner_hcl.cc: declaring positions and references in HCL). Internal to
// src/audit/; scan_app_text() (app_file.h) is its entry point.
#ifndef CALLCHECK_AUDIT_SCANNER_H_
#define CALLCHECK_AUDIT_SCANNER_H_

// Scripts and HCL, where teams really declare their permissions (the corpus:
// `az ad app permission add --api 00000003-… --api-permissions <guid>=Role`,
// PowerShell hashtables of app-role ids, `resource_access { id = …, type =
// "Role" }`, `app_role_ids["Calls.Initiate.All"]`). This is a scanner, not a
// language parser: it finds permission GUIDs and names, and reads what is next
// to them (a type, a name in a comment, the record they sit in).
//
//   1. classify every byte as code, comment or string (per dialect: `#`, `<# #>`
//      for shells and PowerShell; `#`, `//`, `/* */` for HCL);
//   2. collect GUIDs, permission-like names, type markers, bracket groups and,
//      in HCL, `key = value` assignments;
//   3. decide what each GUID is. Scripts: a GUID in code is a declaration.
//      HCL: only values at declaring positions are (`id` in `resource_access`,
//      `role_ids`, `scope_ids`, `app_role_id`); other literal GUIDs are
//      definitions (entries of id maps in `locals`), which a reference such as
//      `local.graph_app_role_ids.calls_initiate_all` resolves to. A reference
//      that does not resolve is CC612, never dropped.
// Limits (stated in the README): quotes do not span lines; heredocs are not
// understood; variables of shells and PowerShell are not followed (their
// literals are read where they are written).

#include <algorithm>  // std::count_if, std::find_if
#include <cctype>     // std::isalnum, std::isalpha, std::isspace, std::isxdigit
#include <map>        // std::map
#include <set>        // std::set

#include <fmt/format.h>

#include "audit/app_file.h"
#include "audit/permission_ids.h"
#include "audit/resource_access.h"
#include "document/document.h"
#include "catalog/cc612_unresolved_permission_reference.h"

namespace callcheck::detail::scan {

enum class Cls : std::uint8_t { Code, Comment, String };

constexpr std::size_t kMaxGroups = 100000;
constexpr std::uint32_t kMaxRecordLines = 12;
constexpr int kMaxResolveDepth = 6;

inline auto ident_char(char c) -> bool { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }
inline auto is_space(char c) -> bool { return c == ' ' || c == '\t' || c == '\r'; }

struct Group {
  std::size_t open = 0;
  std::size_t close = std::string_view::npos;
  int parent = -1;
  char kind = '{';
  std::string key;                  // `key = {`, or the first word of a block header
  std::vector<std::string> labels;  // block labels: resource "TYPE" "NAME" {
};

struct GuidAt {
  std::size_t offset = 0;
  bool comment = false;
  int group = -1;
  std::uint32_t line = 0;
  std::string attached;  // "Role"/"Scope" written right after it (`<guid>=Role`)
};

struct NameAt {
  std::size_t offset = 0;
  std::size_t length = 0;
  bool comment = false;
  int group = -1;
  std::uint32_t line = 0;
  std::optional<DeclaredType> ref;  // inside app_role_ids["…"] / oauth2_permission_scope_ids["…"]
  std::size_t ref_begin = 0;        // where that expression starts
  bool used = false;                // a label or a declaring name
};

struct TypeAt {
  std::size_t offset = 0;
  int group = -1;
  std::uint32_t line = 0;
  std::string value;
  bool attached_to_guid = false;
};

struct Assignment {
  std::string key;
  std::size_t key_offset = 0;
  int group = -1;  // the group it is written in
  enum class Kind : std::uint8_t { Literal, Reference, Open, Other } kind = Kind::Other;
  std::size_t value_offset = 0;
  std::string value;     // literal content or reference text
  int value_group = -1;  // Kind::Open
};

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text), lines_(text), table_(PermissionIds::builtin()) {
    hcl_ = detect_hcl();
  }

  auto run() -> std::optional<AppFile>;

 private:
  // ---- dialect and byte classes ------------------------------------------

  auto detect_hcl() const -> bool;

  void classify();

  // ---- collection ------------------------------------------------------------

  auto line_of(std::size_t offset) const -> std::uint32_t {
    return lines_.position(static_cast<std::uint32_t>(offset)).line;
  }
  auto span(std::size_t begin, std::size_t end) const -> Span;

  auto guid_at(std::size_t i) const -> bool;

  void collect();

  static auto name_char(char c) -> bool { return ident_char(c) || c == '.' || c == '-' || c == '$'; }

  // The end of a permission-like name starting at `i`, or `i` when there is none.
  auto name_end(std::size_t i) const -> std::size_t;

  void add_guid(std::size_t i, bool comment, int group);

  void add_name(std::size_t begin, std::size_t end, int group);

  void type_marker(std::size_t i, int group);

  // `KEY = VALUE` (HCL), KEY an identifier at `i`.
  void assignment(std::size_t i, int group);

  // An HCL reference: ident(.ident | ["…"] | [digits])*.
  auto reference_at(std::size_t k) const -> std::string;

  void name_group(Group &g) const;

  // Every lookup below goes through these: a file of many GUIDs must not
  // make the scanner quadratic.
  void index();

  // ---- decisions ---------------------------------------------------------------

  auto group_at(int index) const -> const Group *;

  // "TYPE.NAME" of the enclosing `resource "TYPE" "NAME" {` block.
  auto application_of(int group) const -> std::string;

  // The one type written in `group` itself (not in a nested group).
  auto record_type(int group) const -> std::optional<TypeAt>;

  // A name written next to the GUID at `g`: the only name on its line (with
  // the only GUID there), or the only name of its small record.
  auto label_for(const GuidAt &g) -> NameAt *;

  // The label any occurrence of this GUID value has, looked up once per value.
  auto label_of_value(const std::string &value) -> NameAt *;

  void set_label(RawPermission &p, NameAt *label) const;

  auto permission_for_guid(const GuidAt &g) -> RawPermission;

  // Permission context for a GUID the table does not know: a type next to it,
  // or a permission name. Anything else may be a tenant, object or app id.
  auto permission_context(const RawPermission &p, const GuidAt &g) const -> bool;

  void script_declarations(AppFile &out);

  auto name_permission(const NameAt &n, bool declares) const -> RawPermission;

  // ---- HCL -----------------------------------------------------------------------

  // guids_ and names_ are in text order (collect() walks the text once).
  auto guid_in(std::size_t begin, std::size_t end) -> GuidAt *;

  // The app_role_ids["…"] expression starting in [begin, end).
  auto name_in(std::size_t begin, std::size_t end) -> NameAt *;

  // The assignment `key = …` directly inside `group`.
  auto assignment_in(int group, std::string_view key) const -> const Assignment *;

  // The `locals { }` blocks, in text order.
  auto locals_groups() const -> std::vector<int>;

  struct Resolved {
    const Assignment *definition = nullptr;  // the literal (or name reference) it ends at
    std::string via;
  };

  // local.A.B / local.A["B"] / local.A, through literal maps in `locals`.
  auto resolve(const std::string &reference, int depth) const -> std::optional<Resolved>;

  // One value at a declaring position: a literal, an app_role_ids["…"], or a reference.
  void declare_value(const Assignment &a, std::size_t offset, std::size_t end, const std::string &value,
                     Assignment::Kind kind, DeclaredType type, std::string type_text, std::string type_evidence,
                     AppFile &out);

  void hcl_declarations(AppFile &out);

  // The elements of `role_ids = [ … ]`: literals and references, comma separated.
  void list_elements(const Assignment &a, const Group &list, DeclaredType type, AppFile &out);

  // Calls.* names that are neither labels nor declarations, in comments and
  // echoed text: a legacy or misspelt name there is what readers copy.
  void stray_names(AppFile &out) const;

  std::string_view text_;
  LineIndex lines_;
  const PermissionIds &table_;
  bool hcl_ = false;
  std::vector<Cls> cls_;
  std::vector<Group> groups_;
  std::vector<GuidAt> guids_;
  std::vector<NameAt> names_;
  std::vector<TypeAt> types_;
  std::vector<Assignment> assignments_;
  std::set<std::size_t> consumed_;
  std::map<std::uint32_t, std::vector<std::size_t>> guids_by_line_;
  std::map<std::uint32_t, std::vector<std::size_t>> names_by_line_;
  std::map<int, std::vector<std::size_t>> names_by_group_;
  std::map<int, std::vector<std::size_t>> types_by_group_;
  std::map<int, std::size_t> code_guids_by_group_;
  std::map<std::string, std::vector<std::size_t>> guids_by_value_;
  std::map<std::pair<int, std::string>, std::size_t> assignment_index_;
  std::map<std::size_t, std::size_t> literal_at_;  // value offset -> assignment
  mutable std::optional<std::vector<int>> locals_;
  std::map<std::string, NameAt *> value_labels_;
};

}  // namespace callcheck::detail::scan

#endif  // CALLCHECK_AUDIT_SCANNER_H_
