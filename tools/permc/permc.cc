// The permission table compiler (issue 14): turns
// schemas/callcheck/permissions.json, the source of truth, into constant C++
// data (src/permissions/permission_table.h), and with --ids the Graph
// permission GUID table graph-permissions.json into
// src/audit/permission_id_table.h, so that no run parses either at start-up.
// Each file is validated against its schema first (valijson, as the library
// validates data), so a table the schema refuses fails the build instead of
// loading by half.
//
//   callcheck_permc <permissions.json> <permissions.schema.json> <output.cc>
//   callcheck_permc --ids <graph-permissions.json> <graph-permissions.schema.json> <output.cc>
//
// Output is deterministic: entries in file order, rules and keys sorted by
// byte order. tests/unit/permissions_test.cc and audit_test.cc compare the compiled
// tables with the embedded files. A host tool, built with the host compiler also in the
// WebAssembly build (bindings/wasm/CMakeLists.txt); header-only libraries only.
// valijson's adapter first, as its documentation asks (it defines
// RAPIDJSON_ASSERT; the cost PERFORMANCE.md 5.4 measures does not matter in
// a build tool that reads one small file).
#include <valijson/adapters/rapidjson_adapter.hpp>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <cctype>     // std::isalnum, std::isspace, std::tolower
#include <cstdio>     // std::fprintf, std::snprintf
#include <fstream>    // std::ifstream, std::ofstream
#include <map>        // std::map
#include <sstream>    // std::ostringstream
#include <stdexcept>  // std::runtime_error
#include <string>     // std::string
#include <utility>    // std::pair
#include <vector>     // std::vector

#include "../text_pool.h"

namespace {

using rapidjson::Value;

[[noreturn]] void fail(const std::string &message) { throw std::runtime_error(message); }

auto read_file(const std::string &path) -> std::string {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

auto parse(const std::string &path, rapidjson::Document &doc) -> void {
  const std::string text = read_file(path);
  doc.Parse(text.data(), text.size());
  if (doc.HasParseError()) {
    fail(path + ": offset " + std::to_string(doc.GetErrorOffset()) + ": " +
         rapidjson::GetParseError_En(doc.GetParseError()));
  }
}

// The library's fold_scope_name(), byte for byte (C locale).
auto fold(const std::string &name) -> std::string {
  std::string out;
  for (const char c : name) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

// A string_view constant for arbitrary bytes (octal escapes keep it exact).
auto view(const std::string &bytes) -> std::string {
  std::string out = "std::string_view(\"";
  for (const char c : bytes) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u >= 0x7F || c == '?') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\", " + std::to_string(bytes.size()) + ")";
}

auto str(const Value &v) -> std::string { return {v.GetString(), v.GetStringLength()}; }

auto member(const Value &object, const char *name) -> const Value * {
  const auto it = object.FindMember(name);
  return it == object.MemberEnd() ? nullptr : &it->value;
}

// Arrays named after their position (the GUID table's, permission_id_table.h).
class Emitter {
 public:
  // "{nullptr, 0}" when it is empty (C++ has no arrays of size zero).
  auto array(const char *type, const std::vector<std::string> &items) -> std::string {
    if (items.empty()) return "{nullptr, 0}";
    const std::string name = "k" + std::to_string(next_++);
    std::string text = "constexpr " + std::string(type) + " " + name + "[] = {\n";
    for (const std::string &item : items) text += "    " + item + ",\n";
    text += "};\n";
    defs_ += text;
    return "{" + name + ", " + std::to_string(items.size()) + "}";
  }
  [[nodiscard]] auto definitions() const -> const std::string & { return defs_; }

 private:
  std::string defs_;
  int next_ = 0;
};

// The permission table without pointers (permission_table.h): strings as
// {at, size} in one text pool, slices as {first, size} into one array per
// type, so that no word of it is relocated at start-up (issue 14). One add
// per statement: the order of a + chain's operands is unspecified, and the
// offsets must not depend on the compiler that built permc.
class TableEmitter {
 public:
  // `items` appended to the array of `type`: "{first, size}".
  auto array(const std::string &type, const std::vector<std::string> &items) -> std::string {
    std::vector<std::string> &all = arrays_[type];
    const std::string slice =
        "{" + std::to_string(items.empty() ? 0 : all.size()) + ", " + std::to_string(items.size()) + "}";
    all.insert(all.end(), items.begin(), items.end());
    return slice;
  }

  auto text(const std::string &bytes) -> std::string { return pool_.add(bytes); }

  auto strings(const Value *array) -> std::string {
    std::vector<std::string> items;
    if (array != nullptr) {
      for (const Value &v : array->GetArray()) items.push_back(text(str(v)));
    }
    return this->array("Text", items);
  }

  auto entry(const Value &json) -> std::string {
    std::string op = "Op::Always";
    std::string present = "true";
    std::string pointer = "{0, 0}";
    std::string values = "{0, 0}";
    const std::string scope = text(str(json["scope"]));
    const std::string reason = text(str(json["reason"]));
    if (const Value *when = member(json, "when")) {
      pointer = text(str((*when)["pointer"]));
      if (const Value *p = member(*when, "present")) {
        op = "Op::Present";
        present = p->GetBool() ? "true" : "false";
      } else if (const Value *e = member(*when, "equals")) {
        op = "Op::Equals";
        values = array("Text", {text(str(*e))});
      } else {
        op = "Op::In";
        values = strings(member(*when, "in"));
      }
    }
    return "{" + scope + ", " + reason + ", " + op + ", " + present + ", " + pointer + ", " + values + "}";
  }

  auto entries(const Value *array) -> std::string {
    std::vector<std::string> items;
    if (array != nullptr) {
      for (const Value &e : array->GetArray()) items.push_back(entry(e));
    }
    return this->array("Entry", items);
  }

  auto rule(const std::string &name, const Value &json) -> std::string {
    std::vector<std::string> alternatives;
    if (const Value *alts = member(json, "alternatives")) {
      for (const Value &a : alts->GetArray()) {
        const std::string note = text(str(a["note"]));
        const std::string apis = strings(member(a, "api"));
        const std::string scopes = entries(member(a, "scopes"));
        alternatives.push_back("{" + note + ", " + apis + ", " + scopes + "}");
      }
    }
    const std::string alternative_slice = array("Alternative", alternatives);
    const std::string required = entries(member(json, "required"));
    const std::string rule_name = text(name);
    const std::string note = text(str(json["note"]));
    return "{" + rule_name + ", " + note + ", " + required + ", " + alternative_slice + "}";
  }

  auto rules(const Value *section) -> std::string {
    std::map<std::string, const Value *> sorted;  // byte order, as the lookups expect
    if (section != nullptr) {
      for (const auto &m : section->GetObject()) {
        if (!sorted.emplace(str(m.name), &m.value).second) fail("duplicate name " + str(m.name));
      }
    }
    std::vector<std::string> items;
    for (const auto &[name, json] : sorted) items.push_back(rule(name, *json));
    return array("Rule", items);
  }

  // The arrays, each named after its type (kTexts, kEntries, ...; an empty
  // one holds one element, to be an array), and the text pool.
  [[nodiscard]] auto definitions() const -> std::string {
    std::string out;
    const std::pair<const char *, const char *> named[] = {{"Text", "kTexts"},
                                                           {"Entry", "kEntries"},
                                                           {"Alternative", "kAlternatives"},
                                                           {"Rule", "kRules"},
                                                           {"Key", "kKeys"}};
    for (const auto &[type, name] : named) {
      const auto it = arrays_.find(type);
      out += "extern const " + std::string(type) + " " + name + "[] = {\n";
      if (it == arrays_.end() || it->second.empty()) out += "    {},\n";
      if (it != arrays_.end()) {
        for (const std::string &item : it->second) out += "    " + item + ",\n";
      }
      out += "};\n";
    }
    return out + "extern const char kText[] =\n" + pool_.initializer([](const std::string &chunk) {
      const std::string quoted = view(chunk);  // std::string_view("...", n)
      return quoted.substr(17, quoted.rfind('"') - 16);
    }) + ";\n";
  }

 private:
  std::map<std::string, std::vector<std::string>> arrays_;
  TextPool pool_;
};

void validate(const rapidjson::Document &data, const rapidjson::Document &schema_doc, const std::string &path) {
  valijson::Schema schema;
  valijson::SchemaParser parser;
  parser.populateSchema(valijson::adapters::RapidJsonAdapter(schema_doc), schema);
  valijson::Validator validator;
  valijson::ValidationResults results;
  if (validator.validate(schema, valijson::adapters::RapidJsonAdapter(data), &results)) return;
  std::string message = path + " does not match its schema:";
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    std::string where;
    for (const std::string &part : error.context) where += part;
    message += "\n  " + where + ": " + error.description;
  }
  fail(message);
}

// Parses the data file and validates it against its schema.
void load(const std::string &data_path, const std::string &schema_path, rapidjson::Document &data) {
  rapidjson::Document schema;
  parse(data_path, data);
  parse(schema_path, schema);
  validate(data, schema, data_path);
}

void run(const std::string &data_path, const std::string &schema_path, const std::string &out_path) {
  rapidjson::Document data;
  load(data_path, schema_path, data);

  TableEmitter emit;
  // The scope names first, then the aliases: a folded spelling keeps the
  // first canonical name it was given.
  std::map<std::string, std::string> keys;
  for (const auto &m : data["scopes"].GetObject()) keys.emplace(fold(str(m.name)), str(m.name));
  for (const auto &m : data["aliases"].GetObject()) keys.emplace(fold(str(m.name)), str(m.value["canonical"]));
  std::vector<std::string> key_items;
  for (const auto &[folded, canonical] : keys) {
    const std::string folded_text = emit.text(folded);
    key_items.push_back("{" + folded_text + ", " + emit.text(canonical) + "}");
  }

  const std::string scenarios = emit.rules(member(data, "scenarios"));
  const std::string requests = emit.rules(member(data, "requests"));
  const std::string key_slice = emit.array("Key", key_items);

  std::string out;
  out += "// Generated by tools/permc from schemas/callcheck/permissions.json. Do not edit.\n";
  out += "#include \"permissions/permission_table.h\"\n\n";
  out += "namespace callcheck::detail::permission_table {\n\n";
  out += emit.definitions();
  out += "\nextern const Table kTable = {" + scenarios + ", " + requests + ", " + key_slice + "};\n\n";
  out += "}  // namespace callcheck::detail::permission_table\n";

  std::ofstream file(out_path, std::ios::binary | std::ios::trunc);
  file << out;
  if (!file.flush()) fail("cannot write " + out_path);
}

// The library's loose_key(), byte for byte (C locale).
auto loose(const std::string &word) -> std::string {
  std::string out;
  for (const char c : word) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return out;
}

auto text(const Value &object, const char *name) -> std::string {
  const Value *v = member(object, name);
  return v != nullptr && v->IsString() ? str(*v) : std::string();
}

// A sorted index: key -> first row that has it (std::map keeps the first
// emplace, as the run-time maps it replaces did).
auto keys(Emitter &emit, TextPool &pool, const std::map<std::string, std::size_t> &index) -> std::string {
  std::vector<std::string> items;
  for (const auto &[key, row] : index) items.push_back("{" + pool.add(key) + ", " + std::to_string(row) + "}");
  return emit.array("Key", items);
}

// The Graph permission name <-> GUID table (graph-permissions.json, about
// 1,300 entries): its rows and every index the audit looks up, sorted here so
// that a run neither parses 175 KB nor builds maps (23 M instructions).
void run_ids(const std::string &data_path, const std::string &schema_path, const std::string &out_path) {
  rapidjson::Document data;
  load(data_path, schema_path, data);

  Emitter emit;
  TextPool pool;
  std::vector<std::string> rows;
  std::map<std::string, std::size_t> by_name;
  std::map<std::string, std::size_t> by_folded;
  std::map<std::string, std::size_t> by_loose;
  std::map<std::string, std::vector<std::string>> by_id;  // id -> "{row, scheme}" in row order
  std::map<std::string, bool> segments;
  std::map<std::string, bool> without_id;
  const auto segment = [](const std::string &name) { return name.substr(0, name.find('.')); };
  for (const Value &e : data["permissions"].GetArray()) {
    const std::size_t row = rows.size();
    const std::string name = text(e, "name");
    const std::string ids[] = {text(e, "application"), text(e, "delegated"), text(e, "personal")};
    // One add per statement: the order of a + chain's operands is unspecified,
    // and the offsets must not depend on the compiler that built permc.
    std::string item = "{" + pool.add(name);
    for (const std::string &id : ids) item += ", " + pool.add(id);
    rows.push_back(item + ", " + (e.HasMember("rsc") ? "true" : "false") + ", " +
                   (text(e, "source") == "openid" ? "true" : "false") + "}");
    by_name.emplace(name, row);
    by_folded.emplace(fold(name), row);
    by_loose.emplace(loose(name), row);
    segments.emplace(segment(name), true);
    for (int scheme = 0; scheme < 3; ++scheme) {
      if (!ids[scheme].empty()) {
        by_id[ids[scheme]].push_back(std::to_string(row) + ", " + std::to_string(scheme));
      }
    }
  }
  if (const Value *list = member(data, "withoutId")) {
    for (const Value &e : list->GetArray()) {
      if (!e.IsString()) continue;
      without_id.emplace(fold(str(e)), true);
      segments.emplace(segment(str(e)), true);
    }
  }
  std::string version;
  if (const Value *source = member(data, "source")) {
    version =
        text(*source, "repository") + "@" + text(*source, "commit").substr(0, 8) + " (" + text(*source, "date") + ")";
  }
  std::vector<std::string> id_items;
  for (const auto &[id, matches] : by_id) {
    for (const std::string &m : matches) id_items.push_back("{" + pool.add(id) + ", " + m + "}");
  }
  const auto names = [&emit, &pool](const std::map<std::string, bool> &set) {
    std::vector<std::string> items;
    for (const auto &entry : set) items.push_back(pool.add(entry.first));
    return emit.array("Text", items);
  };
  // One statement each: the arrays are numbered in the order they are made.
  const std::string row_slice = emit.array("Row", rows);
  const std::string name_slice = keys(emit, pool, by_name);
  const std::string folded_slice = keys(emit, pool, by_folded);
  const std::string loose_slice = keys(emit, pool, by_loose);
  const std::string id_slice = emit.array("Id", id_items);
  const std::string without_slice = names(without_id);
  const std::string segment_slice = names(segments);

  std::string out;
  out += "// Generated by tools/permc from schemas/callcheck/graph-permissions.json. Do not edit.\n";
  out += "#include \"audit/permission_id_table.h\"\n\n";
  out += "namespace callcheck::detail::permission_id_table {\nnamespace {\n\n";
  out += emit.definitions();
  out += "constexpr char kText[] =\n" + pool.initializer([](const std::string &chunk) {
    const std::string quoted = view(chunk);  // std::string_view("...", n)
    return quoted.substr(17, quoted.rfind('"') - 16);
  }) + ";\n";
  out += "\n}  // namespace\n\n";
  out += "extern const Table kTable = {kText, " + view(version) + ", " + row_slice + ", " + name_slice + ", " +
         folded_slice + ", " + loose_slice + ", " + id_slice + ", " + without_slice + ", " + segment_slice + "};\n\n";
  out += "}  // namespace callcheck::detail::permission_id_table\n";

  std::ofstream file(out_path, std::ios::binary | std::ios::trunc);
  file << out;
  if (!file.flush()) fail("cannot write " + out_path);
}

}  // namespace

auto main(int argc, char **argv) -> int {
  const bool ids = argc == 5 && std::string(argv[1]) == "--ids";
  if (argc != 4 && !ids) {
    std::fprintf(stderr,
                 "usage: callcheck_permc <permissions.json> <permissions.schema.json> <output.cc>\n"
                 "       callcheck_permc --ids <graph-permissions.json> <graph-permissions.schema.json> <output.cc>\n");
    return 2;
  }
  try {
    if (ids) {
      run_ids(argv[2], argv[3], argv[4]);
    } else {
      run(argv[1], argv[2], argv[3]);
    }
  } catch (const std::exception &e) {
    std::fprintf(stderr, "callcheck_permc: %s\n", e.what());
    return 1;
  }
  return 0;
}
