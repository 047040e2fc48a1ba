// The build-time schema compiler (issue 14 item 1): reads every
// schemas/**/*.schema.json and writes one C++ source holding a single-pass
// verdict function per schema node, so that a payload is walked once,
// without valijson's per-property strings, sets and path copies.
//
//   callcheck_schemac <schemas dir> <file holding the ;-list of paths> <output.cc>
//
// The verdict must be valijson 1.0's (the oracle, tests/unit/
// schema_oracle_test.cc and tests/fuzz/fuzz_schema.cc): where valijson
// departs from JSON Schema, the generated code departs the same way (each
// place says so). A keyword this compiler does not know fails the build, so
// a schema change can never be checked by half. Output is deterministic:
// files in sorted order, nodes numbered in the order they are first reached.
//
// A host tool, built with the host compiler also in the WebAssembly build
// (bindings/wasm/CMakeLists.txt); it includes RapidJSON only.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>  // std::sort
#include <cstdint>    // std::int64_t, std::uint64_t
#include <cstdio>     // std::fprintf, std::snprintf
#include <cstring>    // std::memchr
#include <fstream>    // std::ifstream, std::ofstream
#include <map>        // std::map
#include <set>        // std::set
#include <sstream>    // std::ostringstream
#include <stdexcept>  // std::runtime_error
#include <string>     // std::string
#include <vector>     // std::vector

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

auto str(const Value &v) -> std::string { return {v.GetString(), v.GetStringLength()}; }

// A C++ string literal for arbitrary bytes (octal escapes keep it exact).
auto literal(const std::string &bytes) -> std::string {
  std::string out = "\"";
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
  return out + "\"";
}

// The strings of the node table, one after another in one literal, each
// named by its offset and size ("{at, size}"), as tools/permc --ids does:
// a string met again is named where it was first added.
class TextPool {
 public:
  auto add(const std::string &bytes) -> std::string {
    if (bytes.empty()) return "{0, 0}";
    auto [it, added] = at_.emplace(bytes, text_.size());
    if (added) text_ += bytes;
    return "{" + std::to_string(it->second) + ", " + std::to_string(bytes.size()) + "}";
  }
  // The literal, in lines of about 100 bytes of source (octal escapes are
  // three digits, so no escape runs on into the next piece).
  [[nodiscard]] auto literal() const -> std::string {
    std::string out;
    for (std::size_t i = 0; i < text_.size(); i += 80) out += "    " + ::literal(text_.substr(i, 80)) + "\n";
    return out.empty() ? "    \"\"\n" : out;
  }

 private:
  std::string text_;
  std::map<std::string, std::size_t> at_;
};

// A table of `type` named `name`: one pool, sliced by index. An empty pool
// still holds one element, to be an array.
auto array(const std::string &type, const std::string &name, const std::vector<std::string> &items) -> std::string {
  std::string a = "const " + type + " " + name + "[] = {\n";
  for (const std::string &item : items) a += "    " + item + ",\n";
  return a + (items.empty() ? "    {},\n" : "") + "};\n";
}

auto number_literal(double d) -> std::string {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%a", d);  // exact
  return buf;
}

// valijson's getNumber()/asDouble(): a double as is, an integer through
// int64_t (so a uint64 above INT64_MAX turns negative, as it does there).
auto schema_number(const Value &v) -> double {
  if (v.IsDouble()) return v.GetDouble();
  if (v.IsInt64()) return static_cast<double>(v.GetInt64());
  return static_cast<double>(static_cast<std::int64_t>(v.GetUint64()));
}

// A JSON Pointer reference token (RFC 6901: ~ and / escaped).
auto escape_token(const std::string &t) -> std::string {
  std::string out;
  for (const char c : t) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

struct File {
  std::string path;  // relative to schemas/
  rapidjson::Document doc;
};

class Compiler {
 public:
  explicit Compiler(std::vector<File> &files) : files_(files) {}

  // Function name for the node at `pointer` in `file`.
  auto compile(const File &file, const std::string &pointer) -> std::string {
    std::vector<std::string> chain;
    return function_for(
        Kind{&Compiler::names_, "s", "always_valid", "never_valid", "(const Value &v)", &Compiler::emit}, file, pointer,
        chain);
  }

  // Name of the function that collects, for the node at `pointer` in
  // `file`, the errors valijson 1.0 reports (schema/compiled.h). Called
  // after compile() has seen every node, so the keywords are known good.
  auto collect(const File &file, const std::string &pointer) -> std::string {
    std::vector<std::string> chain;
    // valijson's always-invalid subschema fails without an error of its own.
    return function_for(Kind{&Compiler::collect_names_, "c", "collect_valid", "collect_invalid",
                             "(const Value &v, SchemaErrors &e)", &Compiler::emit_collect},
                        file, pointer, chain);
  }

  auto code() const -> std::string {
    std::string out;
    out += "// Generated by tools/schemac from schemas/. Do not edit.\n";
    out += "#include \"schema/checker_support.h\"\n";
    out += "#include \"schema/node_table.h\"\n\n";
    out += "namespace callcheck::detail {\nnamespace {\n\n";
    for (const std::string &d : declarations_) out += d;
    out += "\n";
    for (const std::string &b : bodies_) out += b;
    out += "}  // namespace\n\n";
    return out;
  }

 private:
  auto find_file(const std::string &path) -> const File & {
    for (const File &f : files_) {
      if (f.path == path) return f;
    }
    fail("$ref to a schema that is not embedded: " + path);
  }

  static auto resolve_path(const std::string &ref, const std::string &from) -> std::string {
    static const std::string kBase = "https://callcheck.dev/schemas/";
    if (ref.compare(0, kBase.size(), kBase) == 0) return ref.substr(kBase.size());
    if (ref.find(':') != std::string::npos || ref.front() == '/' || ref.find("..") != std::string::npos) {
      fail("$ref leaves the embedded schemas: " + ref + " in " + from);
    }
    const auto slash = from.rfind('/');
    return (slash == std::string::npos ? std::string() : from.substr(0, slash + 1)) + ref;
  }

  static auto resolve_pointer(const File &file, const std::string &pointer) -> const Value & {
    const Value *v = &file.doc;
    std::size_t i = 0;
    while (i < pointer.size()) {
      if (pointer[i] != '/') fail("bad JSON pointer " + pointer + " in " + file.path);
      std::size_t end = pointer.find('/', i + 1);
      if (end == std::string::npos) end = pointer.size();
      std::string token;
      for (std::size_t k = i + 1; k < end; ++k) {
        if (pointer[k] == '~' && k + 1 < end) {
          token += pointer[k + 1] == '1' ? '/' : '~';
          ++k;
        } else if (pointer[k] == '%') {
          fail("percent-encoded JSON pointer " + pointer + " in " + file.path);
        } else {
          token += pointer[k];
        }
      }
      if (v->IsObject()) {
        const auto m = v->FindMember(Value(token.c_str(), static_cast<rapidjson::SizeType>(token.size())));
        if (m == v->MemberEnd()) fail("unresolved JSON pointer " + pointer + " in " + file.path);
        v = &m->value;
      } else if (v->IsArray()) {
        const unsigned long index = std::stoul(token);
        if (index >= v->Size()) fail("unresolved JSON pointer " + pointer + " in " + file.path);
        v = &(*v)[static_cast<rapidjson::SizeType>(index)];
      } else {
        fail("unresolved JSON pointer " + pointer + " in " + file.path);
      }
      i = end;
    }
    return *v;
  }

  // The two kinds of generated function: the verdict (compile()) and its
  // collecting twin (collect()), each with its own names for the same nodes.
  struct Kind {
    std::map<std::string, std::string> Compiler::*names;
    const char *prefix;      // of the function names
    const char *always;      // the function of the schema `true`
    const char *never;       // the function of the schema `false`
    const char *parameters;  // of every function of this kind
    auto(Compiler::*emit)(const File &, const std::string &, const Value &, const std::string &) -> std::string;
  };
  // Follows $ref chains (valijson ignores a $ref's siblings, as draft-07 says).
  auto function_for(const Kind &kind, const File &file, const std::string &pointer, std::vector<std::string> &chain)
      -> std::string {
    std::map<std::string, std::string> &names = this->*kind.names;
    const std::string key = file.path + "#" + pointer;
    if (const auto it = names.find(key); it != names.end()) return it->second;
    for (const std::string &c : chain) {
      if (c == key) fail("$ref cycle through " + key);
    }
    const Value &node = resolve_pointer(file, pointer);
    if (node.IsObject()) {
      const auto ref = node.FindMember("$ref");
      if (ref != node.MemberEnd()) {
        if (!ref->value.IsString() || ref->value.GetStringLength() == 0) fail("$ref is not a string in " + key);
        const std::string target = str(ref->value);
        const auto hash = target.find('#');
        const std::string doc_part = target.substr(0, hash);
        std::string fragment = hash == std::string::npos ? std::string() : target.substr(hash + 1);
        // valijson's sanitiseJsonPointer: trailing slashes do not count.
        while (!fragment.empty() && fragment.back() == '/') fragment.pop_back();
        const File &next = doc_part.empty() ? file : find_file(resolve_path(doc_part, file.path));
        chain.push_back(key);
        std::string name = function_for(kind, next, fragment, chain);
        names.emplace(key, name);
        return name;
      }
    }
    if (node.IsBool()) return node.GetBool() ? kind.always : kind.never;
    if (!node.IsObject()) fail("schema at " + key + " is neither an object nor a boolean");
    const std::string name = kind.prefix + std::to_string(nodes_++);
    // Tentative while the body is emitted (a child may $ref back here).
    names[key] = name;
    const std::size_t first_body = bodies_.size();
    std::string body = (this->*kind.emit)(file, pointer, node, name);
    bool recursive = false;
    for (std::size_t i = first_body; i < bodies_.size() && !recursive; ++i) {
      recursive = bodies_[i].find(name + "(") != std::string::npos;
    }
    const std::string declaration = "auto " + name + kind.parameters + " -> bool;\n";
    if (recursive) {
      declarations_.push_back(declaration);
      bodies_.push_back(std::move(body));
      return name;
    }
    const std::string final_name = intern(name, declaration, std::move(body));
    names[key] = final_name;
    return final_name;
  }

  auto child(const File &file, const std::string &pointer, const std::string &keyword) -> std::string {
    return compile(file, pointer + "/" + escape_token(keyword));
  }

  // A value compared the way valijson's BasicAdapter::equalTo (strict) does.
  static auto equals(const Value &expected) -> std::string {
    switch (expected.GetType()) {
      case rapidjson::kNullType: return "v.IsNull()";
      case rapidjson::kFalseType: return "(v.IsBool() && !v.GetBool())";
      case rapidjson::kTrueType: return "(v.IsBool() && v.GetBool())";
      case rapidjson::kNumberType:
        return "(v.IsNumber() && number(v) == " + number_literal(schema_number(expected)) + ")";
      case rapidjson::kStringType: {
        const std::string s = str(expected);
        return "(v.IsString() && v.GetStringLength() == " + std::to_string(s.size()) +
               "u && std::memcmp(v.GetString(), " + literal(s) + ", " + std::to_string(s.size()) + ") == 0)";
      }
      default: fail("enum/const with an array or object value is not compiled");
    }
  }

  // Strings of an enum tested by length first: one memcmp per candidate of
  // that length.
  auto string_set(const std::vector<std::string> &values) -> std::string {
    const std::string name = "e" + std::to_string(sets_++);
    std::map<std::size_t, std::vector<std::string>> by_length;
    for (const std::string &s : values) by_length[s.size()].push_back(s);
    std::string f = "auto " + name + "(const char *p, SizeType n) -> bool {\n  switch (n) {\n";
    for (const auto &[length, group] : by_length) {
      f += "    case " + std::to_string(length) + ":\n      return ";
      for (std::size_t i = 0; i < group.size(); ++i) {
        if (i > 0) f += " ||\n             ";
        f += "std::memcmp(p, " + literal(group[i]) + ", " + std::to_string(length) + ") == 0";
      }
      if (length == 0) f += " || true";
      f += ";\n";
    }
    f += "    default:\n      return false;\n  }\n}\n\n";
    return intern(name, "auto " + name + "(const char *p, SizeType n) -> bool;\n", f);
  }

  static auto count_of(const Value &v, const std::string &key, const char *keyword) -> std::uint64_t {
    if (!v.IsUint64()) fail(std::string(keyword) + " is not a non-negative integer at " + key);
    return v.GetUint64();
  }

  // The test of a `type` keyword, as valijson's strict ValidateNamedTypes.
  static auto type_test(const Value &type, const std::string &key) -> std::string {
    std::vector<std::string> names;
    if (type.IsString()) {
      names.push_back(str(type));
    } else if (type.IsArray()) {
      for (const Value &t : type.GetArray()) {
        if (!t.IsString()) fail("`type` with a schema member is not compiled at " + key);
        names.push_back(str(t));
      }
    } else {
      fail("`type` is neither a string nor an array at " + key);
    }
    std::string test;
    for (const std::string &t : names) {
      std::string one;
      if (t == "object") {
        one = "v.IsObject()";
      } else if (t == "array") {
        one = "v.IsArray()";
      } else if (t == "string") {
        one = "v.IsString()";
      } else if (t == "boolean") {
        one = "v.IsBool()";
      } else if (t == "null") {
        one = "v.IsNull()";
      } else if (t == "number") {
        one = "v.IsNumber()";
      } else if (t == "integer") {
        // valijson's isInteger(): stored as an integer, so 1.0 is not one.
        one = "(v.IsInt64() || v.IsUint64())";
      } else {
        fail("unknown type `" + t + "` at " + key);
      }
      test += (test.empty() ? "" : " || ") + one;
    }
    return test.empty() ? std::string("false") : test;
  }

  // The test of an `enum` or `const` value list, as valijson's strict equalTo.
  auto value_test(const std::vector<const Value *> &values) -> std::string {
    std::vector<std::string> strings;
    std::string others;
    for (const Value *e : values) {
      if (e->IsString()) {
        strings.push_back(str(*e));
      } else {
        others += (others.empty() ? "" : " || ") + equals(*e);
      }
    }
    std::string test;
    if (strings.size() > 2) {
      test = "(v.IsString() && " + string_set(strings) + "(v.GetString(), v.GetStringLength()))";
    } else {
      for (const std::string &s : strings) {
        rapidjson::Value tmp(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
        test += (test.empty() ? "" : " || ") + equals(tmp);
      }
    }
    if (!others.empty()) test += (test.empty() ? "" : " || ") + others;
    return test.empty() ? std::string("false") : test;
  }

  auto emit(const File &file, const std::string &pointer, const Value &node, const std::string &name) -> std::string {
    const std::string key = file.path + "#" + pointer;
    static const std::set<std::string> kAnnotations = {"$id",         "$schema",     "$comment", "title",
                                                       "description", "definitions", "default",  "examples"};
    static const std::set<std::string> kKeywords = {"type",
                                                    "enum",
                                                    "const",
                                                    "allOf",
                                                    "anyOf",
                                                    "oneOf",
                                                    "not",
                                                    "if",
                                                    "then",
                                                    "else",
                                                    "items",
                                                    "minItems",
                                                    "maxItems",
                                                    "minLength",
                                                    "maxLength",
                                                    "minimum",
                                                    "maximum",
                                                    "exclusiveMinimum",
                                                    "exclusiveMaximum",
                                                    "properties",
                                                    "additionalProperties",
                                                    "required",
                                                    "minProperties",
                                                    "maxProperties"};
    for (auto m = node.MemberBegin(); m != node.MemberEnd(); ++m) {
      const std::string k = str(m->name);
      if (kAnnotations.count(k) != 0 || k.rfind("x-", 0) == 0) continue;
      if (kKeywords.count(k) == 0) fail("keyword `" + k + "` is not compiled (" + key + "); teach tools/schemac");
    }
    auto member = [&](const char *k) -> const Value * {
      const auto m = node.FindMember(k);
      return m == node.MemberEnd() ? nullptr : &m->value;
    };
    std::string b = "// " + key + "\nauto " + name + "(const Value &v) -> bool {\n";

    if (const Value *type = member("type")) b += "  if (!(" + type_test(*type, key) + ")) return false;\n";

    auto value_set = [&](const std::vector<const Value *> &values) {
      b += "  if (!(" + value_test(values) + ")) return false;\n";
    };
    if (const Value *c = member("const")) value_set({c});
    if (const Value *e = member("enum")) {
      if (!e->IsArray()) fail("`enum` is not an array at " + key);
      std::vector<const Value *> values;
      for (const Value &x : e->GetArray()) values.push_back(&x);
      value_set(values);
    }

    if (const Value *n = member("minLength")) {
      b += "  if (v.IsString() && utf8_length(v) < " + std::to_string(count_of(*n, key, "minLength")) +
           "u) return false;\n";
    }
    if (const Value *n = member("maxLength")) {
      b += "  if (v.IsString() && utf8_length(v) > " + std::to_string(count_of(*n, key, "maxLength")) +
           "u) return false;\n";
    }
    if (const Value *n = member("minItems")) {
      b += "  if (v.IsArray() && v.Size() < " + std::to_string(count_of(*n, key, "minItems")) + "u) return false;\n";
    }
    if (const Value *n = member("maxItems")) {
      b += "  if (v.IsArray() && v.Size() > " + std::to_string(count_of(*n, key, "maxItems")) + "u) return false;\n";
    }
    if (const Value *n = member("minProperties")) {
      b += "  if (v.IsObject() && v.MemberCount() < " + std::to_string(count_of(*n, key, "minProperties")) +
           "u) return false;\n";
    }
    if (const Value *n = member("maxProperties")) {
      b += "  if (v.IsObject() && v.MemberCount() > " + std::to_string(count_of(*n, key, "maxProperties")) +
           "u) return false;\n";
    }
    const struct {
      const char *keyword;
      const char *fails;
    } kBounds[] = {{"minimum", "<"}, {"maximum", ">"}, {"exclusiveMinimum", "<="}, {"exclusiveMaximum", ">="}};
    for (const auto &bound : kBounds) {
      if (const Value *n = member(bound.keyword)) {
        if (!n->IsNumber()) fail(std::string(bound.keyword) + " is not a number at " + key);
        b += "  if (v.IsNumber() && number(v) " + std::string(bound.fails) + " " + number_literal(schema_number(*n)) +
             ") return false;\n";
      }
    }

    if (const Value *items = member("items")) {
      if (items->IsArray()) fail("tuple `items` is not compiled at " + key);
      const std::string f = child(file, pointer, "items");
      if (f != "always_valid") {
        b += "  if (v.IsArray()) {\n    for (const Value &e : v.GetArray()) {\n      if (!" + f +
             "(e)) return false;\n    }\n  }\n";
      }
    }

    if (const Value *all = member("allOf")) {
      if (!all->IsArray()) fail("allOf is not an array at " + key);
      for (rapidjson::SizeType i = 0; i < all->Size(); ++i) {
        b += "  if (!" + compile(file, pointer + "/allOf/" + std::to_string(i)) + "(v)) return false;\n";
      }
    }
    if (const Value *any = member("anyOf")) {
      if (!any->IsArray()) fail("anyOf is not an array at " + key);
      std::string test;
      for (rapidjson::SizeType i = 0; i < any->Size(); ++i) {
        test += (test.empty() ? "" : " || ") + compile(file, pointer + "/anyOf/" + std::to_string(i)) + "(v)";
      }
      b += "  if (!(" + (test.empty() ? std::string("false") : test) + ")) return false;\n";
    }
    if (const Value *one = member("oneOf")) {
      if (!one->IsArray()) fail("oneOf is not an array at " + key);
      b += "  {\n    int matched = 0;\n";
      for (rapidjson::SizeType i = 0; i < one->Size(); ++i) {
        b += "    matched += " + compile(file, pointer + "/oneOf/" + std::to_string(i)) + "(v) ? 1 : 0;\n";
      }
      b += "    if (matched != 1) return false;\n  }\n";
    }
    if (member("not") != nullptr) b += "  if (" + child(file, pointer, "not") + "(v)) return false;\n";
    if (member("if") != nullptr) {
      // valijson reads then/else only beside an if.
      const std::string test = child(file, pointer, "if");
      const std::string then = member("then") != nullptr ? child(file, pointer, "then") : "always_valid";
      const std::string otherwise = member("else") != nullptr ? child(file, pointer, "else") : "always_valid";
      b += "  if (" + test + "(v) ? !" + then + "(v) : !" + otherwise + "(v)) return false;\n";
    }

    emit_object(file, pointer, node, b);
    b += "  return true;\n}\n\n";
    return b;
  }

  // A member name -> index into `names` (-1: not declared), tested by
  // length first.
  auto name_lookup(const std::vector<std::string> &names) -> std::string {
    std::string lookup = "p" + std::to_string(sets_++);
    std::map<std::size_t, std::vector<std::size_t>> by_length;
    for (std::size_t i = 0; i < names.size(); ++i) by_length[names[i].size()].push_back(i);
    std::string f = "auto " + lookup + "(const char *p, SizeType n) -> int {\n  switch (n) {\n";
    for (const auto &[length, group] : by_length) {
      f += "    case " + std::to_string(length) + ":\n";
      for (const std::size_t i : group) {
        f += "      if (std::memcmp(p, " + literal(names[i]) + ", " + std::to_string(length) + ") == 0) return " +
             std::to_string(i) + ";\n";
      }
      f += "      return -1;\n";
    }
    f += "    default:\n      return -1;\n  }\n}\n\n";
    return intern(lookup, "auto " + lookup + "(const char *p, SizeType n) -> int;\n", f);
  }

  void emit_object(const File &file, const std::string &pointer, const Value &node, std::string &b) {
    const std::string key = file.path + "#" + pointer;
    const auto pm = node.FindMember("properties");
    const auto am = node.FindMember("additionalProperties");
    const auto rm = node.FindMember("required");
    const Value *properties = pm == node.MemberEnd() ? nullptr : &pm->value;
    const Value *additional = am == node.MemberEnd() ? nullptr : &am->value;
    const Value *required = rm == node.MemberEnd() ? nullptr : &rm->value;
    if (properties == nullptr && additional == nullptr && required == nullptr) return;

    std::vector<std::string> names;
    std::vector<std::string> functions;
    if (properties != nullptr) {
      if (!properties->IsObject()) fail("properties is not an object at " + key);
      std::set<std::string> unique;
      for (auto m = properties->MemberBegin(); m != properties->MemberEnd(); ++m) {
        const std::string n = str(m->name);
        // valijson looks each property up by c_str().
        if (n.find('\0') != std::string::npos) fail("property name with NUL at " + key);
        if (!unique.insert(n).second) fail("property `" + n + "` declared twice at " + key);
        names.push_back(n);
        functions.push_back(compile(file, pointer + "/properties/" + escape_token(n)));
      }
    }
    // Absent or true: anything goes; false: nothing else; else a schema.
    enum class Extra { Any, None, Schema } extra = Extra::Any;
    std::string extra_fn;
    if (additional != nullptr) {
      if (additional->IsBool()) {
        extra = additional->GetBool() ? Extra::Any : Extra::None;
      } else if (additional->IsObject()) {
        extra_fn = child(file, pointer, "additionalProperties");
        extra = extra_fn == "always_valid" ? Extra::Any : Extra::Schema;
        if (extra_fn == "never_valid") extra = Extra::None;
      } else {
        fail("additionalProperties is neither a boolean nor a schema at " + key);
      }
    }
    std::vector<std::string> required_names;
    if (required != nullptr) {
      if (!required->IsArray()) fail("required is not an array at " + key);
      for (const Value &r : required->GetArray()) {
        if (!r.IsString()) fail("required holds a non-string at " + key);
        const std::string n = str(r);
        if (n.find('\0') != std::string::npos) fail("required name with NUL at " + key);
        required_names.push_back(n);
      }
    }

    b += "  if (v.IsObject()) {\n";
    const bool wide = names.size() > 64;
    if (!names.empty()) {
      const std::string lookup = name_lookup(names);

      b += wide ? "    bool seen[" + std::to_string(names.size()) + "] = {};\n" : "    std::uint64_t seen = 0;\n";
      b += "    for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {\n";
      b += "      const int k = " + lookup + "(m->name.GetString(), m->name.GetStringLength());\n";
      b += "      if (k < 0) {\n";
      if (extra == Extra::None) b += "        return false;\n";
      if (extra == Extra::Schema) b += "        if (!" + extra_fn + "(m->value)) return false;\n        continue;\n";
      if (extra == Extra::Any) b += "        continue;\n";
      b += "      }\n";
      // valijson validates the first member of a name only, and counts a
      // repeated declared name as an additional property.
      const std::string is_seen = wide ? "seen[k]" : "(seen >> k) & 1u";
      b += "      if (" + is_seen + ") {\n";
      b += extra == Extra::None ? "        return false;\n" : "        continue;\n";
      b += "      }\n";
      b += wide ? "      seen[k] = true;\n" : "      seen |= std::uint64_t{1} << k;\n";
      std::string cases;
      for (std::size_t i = 0; i < functions.size(); ++i) {
        if (functions[i] == "always_valid") continue;
        cases += "        case " + std::to_string(i) + ":\n          if (!" + functions[i] +
                 "(m->value)) return false;\n          break;\n";
      }
      if (!cases.empty()) b += "      switch (k) {\n" + cases + "        default:\n          break;\n      }\n";
      b += "    }\n";
    } else if (extra == Extra::None) {
      b += "    if (v.MemberCount() != 0) return false;\n";
    } else if (extra == Extra::Schema) {
      b += "    for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {\n      if (!" + extra_fn +
           "(m->value)) return false;\n    }\n";
    }
    for (const std::string &r : required_names) {
      std::size_t index = names.size();
      for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == r) index = i;
      }
      if (index < names.size()) {
        b += wide ? "    if (!seen[" + std::to_string(index) + "]) return false;\n"
                  : "    if (((seen >> " + std::to_string(index) + ") & 1u) == 0) return false;\n";
      } else {
        b += "    if (!has_member(v, " + literal(r) + ", " + std::to_string(r.size()) + ")) return false;\n";
      }
    }
    b += "  }\n";
  }

  // The collecting twin of emit(): valijson's ValidationVisitor with a
  // ValidationResults, keyword by keyword in the order its SchemaParser
  // adds the constraints (allOf, anyOf, const, enum, items, if, the bounds,
  // not, oneOf, properties, required, type), each pushing the description
  // valijson pushes, at the same place relative to its nested errors, and
  // keeping or dropping a branch's errors as valijson does.
  auto emit_collect(const File &file, const std::string &pointer, const Value &node, const std::string &name)
      -> std::string {
    const std::string key = file.path + "#" + pointer;
    auto member = [&](const char *k) -> const Value * {
      const auto m = node.FindMember(k);
      return m == node.MemberEnd() ? nullptr : &m->value;
    };
    auto sub = [&](const std::string &suffix) { return collect(file, pointer + suffix); };
    auto fails = [](const std::string &test, const std::string &description) {
      return "  if (!(" + test + ")) {\n    e.push(" + literal(description) + ");\n    ok = false;\n  }\n";
    };
    std::string b = "// " + key + "\nauto " + name + "(const Value &v, SchemaErrors &e) -> bool {\n";
    b += "  bool ok = true;\n";

    // allOf stops at its first failing child (continueOnFailure false).
    if (const Value *all = member("allOf")) {
      std::string chain;
      for (rapidjson::SizeType i = 0; i < all->Size(); ++i) {
        chain +=
            (i == 0 ? "  if (!" : "  } else if (!") + sub("/allOf/" + std::to_string(i)) + "(v, e)) {\n    e.push(" +
            literal("Failed to validate against child schema #" + std::to_string(i) + ".") + ");\n    ok = false;\n";
      }
      if (!chain.empty()) b += chain + "  }\n";
    }
    // anyOf stops at its first passing child; its children's errors are
    // kept only when none passes.
    if (const Value *any = member("anyOf")) {
      b += "  {\n    const std::size_t mark = e.size();\n    bool passed = false;\n";
      for (rapidjson::SizeType i = 0; i < any->Size(); ++i) {
        b += "    if (!passed) {\n      passed = " + sub("/anyOf/" + std::to_string(i)) +
             "(v, e);\n      if (!passed) e.push(" +
             literal("Failed to validate against child schema #" + std::to_string(i) + ".") + ");\n    }\n";
      }
      b += "    if (passed) {\n      e.truncate(mark);\n    } else {\n      e.push(" +
           literal("Failed to validate against any schemas allowed by anyOf constraint.") +
           ");\n      ok = false;\n    }\n  }\n";
    }
    if (const Value *c = member("const")) {
      b += fails(value_test({c}), "Failed to match expected value set by 'const' constraint.");
    }
    if (const Value *en = member("enum")) {
      std::vector<const Value *> values;
      for (const Value &x : en->GetArray()) values.push_back(&x);
      b += fails(value_test(values), "Failed to match against any enum values.");
    }
    if (member("items") != nullptr) {
      const std::string f = sub("/items");
      if (f != "collect_valid") {
        b += "  if (v.IsArray()) {\n    for (SizeType i = 0; i < v.Size(); ++i) {\n"
             "      const std::size_t at = e.enter_index(i);\n      const bool passed = " +
             f +
             "(v[i], e);\n      e.leave(at);\n      if (!passed) {\n        e.push_item(i);\n        ok = false;\n"
             "      }\n    }\n  }\n";
      }
    }
    if (member("if") != nullptr && (member("then") != nullptr || member("else") != nullptr)) {
      // The `if` is a verdict (valijson runs it without results).
      const std::string test = child(file, pointer, "if");
      const std::string then = member("then") != nullptr ? sub("/then") : "collect_valid";
      const std::string otherwise = member("else") != nullptr ? sub("/else") : "collect_valid";
      b += "  if (!(" + test + "(v) ? " + then + "(v, e) : " + otherwise + "(v, e))) {\n    e.push(" +
           literal("Failed to validate against a conditional schema set by if-then-else constraints.") +
           ");\n    ok = false;\n  }\n";
    }
    // std::to_string of valijson's double or uint64_t, as in its messages.
    auto bound = [&](const char *keyword, const char *fails_when, const char *text) {
      if (const Value *n = member(keyword)) {
        const double limit = schema_number(*n);
        b += "  if (v.IsNumber() && number(v) " + std::string(fails_when) + " " + number_literal(limit) +
             ") {\n    e.push(" + literal(std::string(text) + std::to_string(limit)) + ");\n    ok = false;\n  }\n";
      }
    };
    auto count = [&](const char *keyword, const char *test, const char *fails_when, const char *before,
                     const char *after) {
      if (const Value *n = member(keyword)) {
        const std::uint64_t limit = count_of(*n, key, keyword);
        b += "  if (" + std::string(test) + " " + fails_when + " " + std::to_string(limit) + "u) {\n    e.push(" +
             literal(before + std::to_string(limit) + after) + ");\n    ok = false;\n  }\n";
      }
    };
    bound("exclusiveMaximum", ">=", "Expected number less than ");
    bound("maximum", ">", "Expected number less than or equal to ");
    count("maxItems", "v.IsArray() && v.Size()", ">", "Array should contain no more than ", " elements.");
    count("maxLength", "v.IsString() && utf8_length(v)", ">", "String should be no more than ",
          " characters in length.");
    count("maxProperties", "v.IsObject() && v.MemberCount()", ">", "Object should have no more than ", " properties.");
    bound("exclusiveMinimum", "<=", "Expected number greater than ");
    bound("minimum", "<", "Expected number greater than or equal to ");
    count("minItems", "v.IsArray() && v.Size()", "<", "Array should contain no fewer than ", " elements.");
    count("minLength", "v.IsString() && utf8_length(v)", "<", "String should be no fewer than ",
          " characters in length.");
    count("minProperties", "v.IsObject() && v.MemberCount()", "<", "Object should have no fewer than ", " properties.");
    if (member("not") != nullptr) {
      b += "  if (" + child(file, pointer, "not") + "(v)) {\n    e.push(" +
           literal("Target should not validate against schema specified in 'not' constraint.") +
           ");\n    ok = false;\n  }\n";
    }
    // oneOf tries every child; their errors are kept only when none passes.
    if (const Value *one = member("oneOf")) {
      b += "  {\n    const std::size_t mark = e.size();\n    int passed = 0;\n";
      for (rapidjson::SizeType i = 0; i < one->Size(); ++i) {
        b += "    if (" + sub("/oneOf/" + std::to_string(i)) +
             "(v, e)) {\n      ++passed;\n    } else {\n      e.push(" +
             literal("Failed to validate against child schema #" + std::to_string(i) + ".") + ");\n    }\n";
      }
      b += "    if (passed == 0) {\n      e.push(" +
           literal("Failed to validate against any child schemas allowed by oneOf constraint.") +
           ");\n      ok = false;\n    } else {\n      e.truncate(mark);\n      if (passed != 1) {\n        e.push(" +
           literal("Failed to validate against exactly one child schema.") +
           ");\n        ok = false;\n      }\n    }\n  }\n";
    }
    collect_object(file, pointer, node, b);
    if (const Value *type = member("type")) {
      b += fails(type_test(*type, key), "Value type not permitted by 'type' constraint.");
    }
    b += "  return ok;\n}\n\n";
    return b;
  }

  // valijson's PropertiesConstraint and RequiredConstraint: declared
  // properties in std::map (byte) order, each checked on the first member of
  // its name; then the undeclared members (a repeat of a declared name is
  // matched already) against additionalProperties; then the required names
  // in std::set order.
  void collect_object(const File &file, const std::string &pointer, const Value &node, std::string &b) {
    const std::string key = file.path + "#" + pointer;
    const auto pm = node.FindMember("properties");
    const auto am = node.FindMember("additionalProperties");
    const auto rm = node.FindMember("required");
    const Value *properties = pm == node.MemberEnd() ? nullptr : &pm->value;
    const Value *additional = am == node.MemberEnd() ? nullptr : &am->value;
    const Value *required = rm == node.MemberEnd() ? nullptr : &rm->value;
    if (properties != nullptr || additional != nullptr) {
      std::vector<std::string> names;  // schema order, as name_lookup() numbers them
      if (properties != nullptr) {
        for (auto m = properties->MemberBegin(); m != properties->MemberEnd(); ++m) names.push_back(str(m->name));
      }
      std::vector<std::string> sorted = names;
      std::sort(sorted.begin(), sorted.end());
      const bool closed = additional != nullptr && additional->IsBool() && !additional->GetBool();
      const std::string extra =
          additional != nullptr && additional->IsObject() ? collect(file, pointer + "/additionalProperties") : "";
      const bool check_extra = !extra.empty() && extra != "collect_valid";
      std::string o;
      if (closed) o += "    std::size_t matched = 0;\n";
      for (const std::string &n : sorted) {
        const std::string f = collect(file, pointer + "/properties/" + escape_token(n));
        if (f == "collect_valid") {
          if (closed)
            o += "    if (first_member(v, " + literal(n) + ", " + std::to_string(n.size()) +
                 "u) != nullptr) ++matched;\n";
          continue;
        }
        o += "    if (const Value *m = first_member(v, " + literal(n) + ", " + std::to_string(n.size()) + "u)) {\n";
        if (closed) o += "      ++matched;\n";
        o += "      const std::size_t at = e.enter_member(" + literal(n) + ", " + std::to_string(n.size()) +
             "u);\n      const bool passed = " + f + "(*m, e);\n      e.leave(at);\n      if (!passed) {\n" +
             "        e.push(" +
             literal("Failed to validate against schema associated with property name '" + n + "'.") +
             ");\n        ok = false;\n      }\n";
        o += "    }\n";
      }
      const std::string declared = names.empty()
                                       ? std::string("false")
                                       : name_lookup(names) + "(m->name.GetString(), m->name.GetStringLength()) >= 0";
      if (closed) {
        o += "    if (matched != v.MemberCount()) {\n      std::string unwanted;\n"
             "      for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {\n        if (!(" +
             declared +
             ")) {\n          unwanted.assign(m->name.GetString(), m->name.GetStringLength());\n          break;\n"
             "        }\n      }\n      e.push(" +
             literal(
                 "Object contains a property that could not be validated using 'properties' or "
                 "'additionalProperties' constraints: '") +
             " + unwanted + \"'.\");\n      ok = false;\n    }\n";
      } else if (check_extra) {
        o += "    for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) {\n      if (" + declared +
             ") continue;\n      const std::size_t at = e.enter_member(m->name.GetString(), "
             "m->name.GetStringLength());\n      const bool passed = " +
             extra + "(m->value, e);\n      e.leave(at);\n      if (!passed) {\n        e.push(" +
             literal("Failed to validate against additional properties schema") +
             ");\n        ok = false;\n      }\n    }\n";
      }
      if (!o.empty()) b += "  if (v.IsObject()) {\n" + o + "  }\n";
    }
    if (required != nullptr) {
      std::set<std::string> names;
      for (const Value &r : required->GetArray()) names.insert(str(r));
      std::string o;
      for (const std::string &n : names) {
        o += "    if (!has_member(v, " + literal(n) + ", " + std::to_string(n.size()) + "u)) {\n      e.push(" +
             literal("Missing required property '" + n + "'.") + ");\n      ok = false;\n    }\n";
      }
      if (!o.empty()) b += "  if (v.IsObject()) {\n" + o + "  }\n";
    }
    (void)key;
  }

  // A function whose code (its name aside) was emitted already is dropped
  // for the earlier one: many nodes are a plain {"type": "string"}, and the
  // two profiles share most of their files. Returns the name to call.
  auto intern(const std::string &name, const std::string &declaration, std::string body) -> std::string {
    std::string canonical = body;
    if (canonical.rfind("// ", 0) == 0) canonical.erase(0, canonical.find('\n') + 1);
    const std::string header = "auto " + name + "(";
    if (canonical.rfind(header, 0) == 0) canonical.replace(0, header.size(), "auto @(");
    // A schema of annotations only ({} included) accepts everything.
    if (canonical == "auto @(const Value &v) -> bool {\n  return true;\n}\n\n") return "always_valid";
    if (canonical == "auto @(const Value &v, SchemaErrors &e) -> bool {\n  bool ok = true;\n  return ok;\n}\n\n") {
      return "collect_valid";
    }
    if (const auto it = by_code_.find(canonical); it != by_code_.end()) return it->second;
    by_code_.emplace(std::move(canonical), name);
    declarations_.push_back(declaration);
    bodies_.push_back(std::move(body));
    return name;
  }

  std::vector<File> &files_;
  std::map<std::string, std::string> by_code_;        // code with the name elided -> function
  std::map<std::string, std::string> names_;          // file#pointer -> function
  std::map<std::string, std::string> collect_names_;  // file#pointer -> collecting function
  std::vector<std::string> declarations_;
  std::vector<std::string> bodies_;
  std::size_t sets_ = 0;
  std::size_t nodes_ = 0;
};

// The node table of the rule walk (schema/node_table.h): what
// Navigator::effective / member / element and the rules' keyword reads
// (title, x-callcheck-*, properties) answer at every node, worked out here
// once. Mirrors src/schema/navigator.cc and the registry's $ref resolution
// (src/schema/registry.cc); tests/unit/schema_table_test.cc holds the two
// together. Only the edges the Navigator follows are tabulated: properties,
// additionalProperties and items objects, allOf if/then, $ref.
class Tabulator {
 public:
  Tabulator(const std::vector<File> &files, const std::set<std::string> &embedded)
      : files_(files), embedded_(embedded) {}

  // The node table's code; its strings go to `text`, and the lists of
  // strings it names (required names, condition values) to `names`, which
  // the caller emits as kText and kNames.
  auto code(TextPool &text, std::vector<std::string> &names) -> std::string {
    std::vector<std::pair<std::string, std::uint32_t>> roots;
    for (const File &f : files_) roots.emplace_back(f.path, id_of(f, "", f.doc));
    // Derived ids once every node exists.
    for (std::size_t i = 0; i < nodes_.size(); ++i) nodes_[i].deref = deref(static_cast<std::uint32_t>(i));
    for (Node &n : nodes_) {
      for (Branch &b : n.branches) b.then = nodes_[b.then_raw].deref;
    }
    for (std::size_t i = 0; i < nodes_.size(); ++i) check_rounds(static_cast<std::uint32_t>(i), 0);

    // Every array is one pool, each node naming its slice by index, and every
    // string is a slice of one literal: data without pointers is not
    // relocated when a static-pie binary starts (issue 14).
    std::vector<std::string> properties;
    std::vector<std::string> by_name;
    std::vector<std::string> branches;
    std::vector<std::string> conditions;
    const auto add_names = [&names, &text](const std::vector<std::string> &list) {
      const std::size_t first = names.size();
      for (const std::string &n : list) names.push_back(text.add(n));
      return std::to_string(first);
    };
    std::string table;
    for (const Node &n : nodes_) {
      const std::size_t first = properties.size();
      for (const auto &[name, child] : n.properties)
        properties.push_back("{" + text.add(name) + ", " + std::to_string(child) + "}");
      std::vector<std::size_t> sorted(n.properties.size());
      for (std::size_t k = 0; k < sorted.size(); ++k) sorted[k] = k;
      // By length, then bytes: the lookup compares lengths, and memcmp
      // runs only on a name of the same length (schema/node_table.h).
      std::sort(sorted.begin(), sorted.end(), [&n](std::size_t a, std::size_t b) {
        const std::string &x = n.properties[a].first;
        const std::string &y = n.properties[b].first;
        return x.size() != y.size() ? x.size() < y.size() : x < y;
      });
      for (const std::size_t k : sorted) by_name.push_back(std::to_string(k));
      const std::size_t first_branch = branches.size();
      for (const Branch &br : n.branches) {
        const std::size_t first_condition = conditions.size();
        for (const Condition &cond : br.conditions) {
          conditions.push_back("{" + text.add(cond.name) + ", " + add_names(cond.values) + ", " +
                               std::to_string(cond.values.size()) + ", " + (cond.any ? "true" : "false") + "}");
        }
        branches.push_back("{" + add_names(br.required) + ", " + std::to_string(br.required.size()) + ", " +
                           std::to_string(first_condition) + ", " + std::to_string(br.conditions.size()) + ", " +
                           (br.never ? "true" : "false") + ", " + ref(br.then) + "}");
      }
      table += "    {" + text.add(n.file) + ", " + text.add(n.pointer) + ", " + text.add(n.title) + ", " +
               std::to_string(first) + ", " + std::to_string(n.properties.size()) + ", " + ref(n.deref) + ", " +
               ref(n.additional) + ", " + ref(n.items) + ", " + std::to_string(first_branch) + ", " +
               std::to_string(n.branches.size()) + ", " + (n.open ? "true" : "false") + ", " +
               (n.read_only ? "true" : "false") + ", " + (n.body_unknown ? "true" : "false") + "},\n";
    }
    std::sort(roots.begin(), roots.end());
    std::string root_list;
    for (const auto &[path, id] : roots) root_list += "    {" + text.add(path) + ", " + std::to_string(id) + "},\n";
    std::string out = "namespace schema_table {\n\n";
    out += array("Property", "kProperties", properties);
    out += array("std::uint16_t", "kByName", by_name);
    out += array("Branch", "kBranches", branches);
    out += array("Condition", "kConditions", conditions);
    out += "const Node kNodes[] = {\n" + table + "};\n\nnamespace {\n\n";
    out += "struct Root {\n  Text path;\n  NodeId node;\n};\n\n// Sorted by path.\nconstexpr Root kRoots[] = {\n" +
           root_list + "};\n\n}  // namespace\n\n";
    out += "const std::uint32_t kNodeCount = " + std::to_string(nodes_.size()) + ";\n\n";
    out += "auto root(std::string_view path) -> NodeId {\n";
    out += "  const Root *it = std::lower_bound(std::begin(kRoots), std::end(kRoots), path,\n";
    out +=
        "                                    [](const Root &r, std::string_view p) { return std::string_view(r.path) < "
        "p; });\n";
    out += "  return it != std::end(kRoots) && std::string_view(it->path) == path ? it->node : kNoNode;\n}\n\n";
    out += "}  // namespace schema_table\n\n";
    return out;
  }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFU;

  struct Condition {
    std::string name;
    std::vector<std::string> values;
    bool any = false;
  };
  struct Branch {
    std::vector<std::string> required;
    std::vector<Condition> conditions;
    bool never = false;
    std::uint32_t then_raw = kNone;
    std::uint32_t then = kNone;
  };
  struct Node {
    std::string file;
    std::string pointer;
    std::string title;
    std::vector<std::pair<std::string, std::uint32_t>> properties;
    bool has_ref = false;  // a string $ref
    std::uint32_t ref = kNone;
    std::uint32_t deref = kNone;
    std::uint32_t additional = kNone;
    std::uint32_t items = kNone;
    std::vector<Branch> branches;
    bool open = true;
    bool read_only = false;
    bool body_unknown = false;
  };

  static auto ref(std::uint32_t id) -> std::string { return id == kNone ? "kNoNode" : std::to_string(id); }

  // SchemaRegistry: relative file $refs are made absolute under the base
  // (absolutize_refs), then resolve() maps them back, the fragment dropped.
  auto ref_file(const std::string &ref, const std::string &from) const -> std::string {
    static const std::string kBase = "https://callcheck.dev/schemas/";
    std::string r = ref;
    if (!r.empty() && r.front() != '#' && r.find(':') == std::string::npos) {
      const auto slash = from.rfind('/');
      r = kBase + (slash == std::string::npos ? std::string() : from.substr(0, slash + 1)) + r;
    }
    const auto hash = r.find('#');
    if (hash != std::string::npos) r = r.substr(0, hash);
    if (r.compare(0, kBase.size(), kBase) == 0) return r.substr(kBase.size());
    if (r.find(':') != std::string::npos || r.empty() || r.front() == '/' || r.find("..") != std::string::npos) {
      return {};
    }
    const auto slash = from.rfind('/');
    return (slash == std::string::npos ? std::string() : from.substr(0, slash + 1)) + r;
  }

  static void unique_members(const Value &object, const std::string &where) {
    std::set<std::string> seen;
    for (auto m = object.MemberBegin(); m != object.MemberEnd(); ++m) {
      if (!seen.insert(str(m->name)).second) fail("member `" + str(m->name) + "` given twice at " + where);
    }
  }

  auto id_of(const File &file, const std::string &pointer, const Value &v) -> std::uint32_t {
    const std::string key = file.path + "#" + pointer;
    if (const auto it = ids_.find(key); it != ids_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(nodes_.size());
    ids_.emplace(key, id);
    nodes_.emplace_back();
    Node n;
    n.file = file.path;
    n.pointer = pointer;
    if (v.IsObject()) {
      unique_members(v, key);
      auto get = [&v](const char *k) -> const Value * {
        const auto m = v.FindMember(k);
        return m == v.MemberEnd() ? nullptr : &m->value;
      };
      if (const Value *t = get("title"); t != nullptr && t->IsString()) n.title = str(*t);
      const Value *extra = get("additionalProperties");
      if (const Value *o = get("x-callcheck-open"); o != nullptr && o->IsBool()) {
        n.open = o->GetBool();
      } else {
        n.open = !(extra != nullptr && extra->IsBool() && !extra->GetBool());
      }
      const Value *ro = get("x-callcheck-readOnly");
      n.read_only = ro != nullptr && ro->IsBool() && ro->GetBool();
      const Value *bu = get("x-callcheck-bodyUnknown");
      n.body_unknown = bu != nullptr && bu->IsBool() && bu->GetBool();
      if (const Value *r = get("$ref"); r != nullptr && r->IsString()) {
        n.has_ref = true;
        const std::string target = ref_file(str(*r), file.path);
        if (!target.empty() && embedded_.count(target) != 0) {
          const File *next = nullptr;
          for (const File &f : files_) {
            if (f.path == target) next = &f;
          }
          if (next == nullptr) fail("$ref to " + target + ", which is no *.schema.json, at " + key);
          n.ref = id_of(*next, "", next->doc);
        }
      }
      if (const Value *props = get("properties"); props != nullptr && props->IsObject()) {
        unique_members(*props, key + "/properties");
        if (props->MemberCount() > 0xFFFF) fail("too many properties at " + key);
        for (auto m = props->MemberBegin(); m != props->MemberEnd(); ++m) {
          const std::string name = str(m->name);
          n.properties.emplace_back(name, id_of(file, pointer + "/properties/" + escape_token(name), m->value));
        }
      }
      if (extra != nullptr && extra->IsObject()) n.additional = id_of(file, pointer + "/additionalProperties", *extra);
      if (const Value *items = get("items"); items != nullptr && items->IsObject()) {
        n.items = id_of(file, pointer + "/items", *items);
      }
      if (const Value *all = get("allOf"); all != nullptr && all->IsArray()) {
        for (rapidjson::SizeType i = 0; i < all->Size(); ++i) {
          const Value &entry = (*all)[i];
          if (!entry.IsObject()) continue;
          const auto cond = entry.FindMember("if");
          const auto then = entry.FindMember("then");
          if (cond == entry.MemberEnd() || then == entry.MemberEnd()) continue;
          n.branches.push_back(branch(cond->value, key + "/allOf/" + std::to_string(i)));
          n.branches.back().then_raw = id_of(file, pointer + "/allOf/" + std::to_string(i) + "/then", then->value);
        }
      }
    }
    nodes_[id] = std::move(n);
    return id;
  }

  // Navigator's if_matches reads `required` and `properties` whose members
  // hold `enum` or `const`; the table keeps string values only.
  static auto branch(const Value &cond, const std::string &where) -> Branch {
    Branch b;
    if (!cond.IsObject()) return b;
    unique_members(cond, where + "/if");
    if (const auto r = cond.FindMember("required"); r != cond.MemberEnd() && r->value.IsArray()) {
      for (const Value &name : r->value.GetArray()) {
        if (name.IsString()) {
          b.required.push_back(str(name));
        } else {
          b.never = true;
        }
      }
    }
    if (const auto p = cond.FindMember("properties"); p != cond.MemberEnd() && p->value.IsObject()) {
      unique_members(p->value, where + "/if/properties");
      for (auto m = p->value.MemberBegin(); m != p->value.MemberEnd(); ++m) {
        Condition c;
        c.name = str(m->name);
        const Value &s = m->value;
        const Value *values = nullptr;
        bool single = false;
        if (s.IsObject()) {
          if (const auto e = s.FindMember("enum"); e != s.MemberEnd() && e->value.IsArray()) {
            values = &e->value;
          } else if (const auto k = s.FindMember("const"); k != s.MemberEnd()) {
            values = &k->value;
            single = true;
          }
        }
        if (values == nullptr) {
          c.any = true;
        } else if (single) {
          if (!values->IsString()) fail("a non-string `const` in an `if` is not tabulated at " + where);
          c.values.push_back(str(*values));
        } else {
          for (const Value &x : values->GetArray()) {
            if (!x.IsString()) fail("a non-string `enum` value in an `if` is not tabulated at " + where);
            c.values.push_back(str(x));
          }
        }
        b.conditions.push_back(std::move(c));
      }
    }
    return b;
  }

  // Navigator::deref, whose bound (16 hops) a schema must never reach: the
  // walk's one effective() per value relies on it.
  auto deref(std::uint32_t id) const -> std::uint32_t {
    for (int hops = 0; hops < 16 && id != kNone; ++hops) {
      if (!nodes_[id].has_ref) return id;
      id = nodes_[id].ref;
    }
    if (id != kNone) fail("$ref chain of 16 hops or more through " + nodes_[id].file + "#" + nodes_[id].pointer);
    return id;
  }

  // Navigator::effective stops after 8 if/then rounds; a schema must stay
  // below that.
  void check_rounds(std::uint32_t id, int depth) const {
    if (depth >= 8) fail("if/then chain of 8 rounds or more through " + nodes_[id].file + "#" + nodes_[id].pointer);
    for (const Branch &b : nodes_[id].branches) {
      if (b.then != kNone) check_rounds(b.then, depth + 1);
    }
  }

  const std::vector<File> &files_;
  const std::set<std::string> &embedded_;
  std::map<std::string, std::uint32_t> ids_;  // file#pointer -> node
  std::vector<Node> nodes_;
};

auto split_list(const std::string &text) -> std::vector<std::string> {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(start, end - start);
    while (!item.empty() && (item.back() == '\n' || item.back() == '\r')) item.pop_back();
    if (!item.empty()) out.push_back(item);
    start = end + 1;
  }
  return out;
}

auto run(const std::string &root, const std::string &list, const std::string &output) -> void {
  std::vector<File> files;
  std::vector<std::string> paths = split_list(read_file(list));
  std::sort(paths.begin(), paths.end());
  const std::string prefix = root.back() == '/' ? root : root + "/";
  for (const std::string &p : paths) {
    static const std::string kSuffix = ".schema.json";
    if (p.size() < kSuffix.size() || p.compare(p.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0) continue;
    if (p.compare(0, prefix.size(), prefix) != 0) fail(p + " is not under " + root);
    File f;
    f.path = p.substr(prefix.size());
    const std::string text = read_file(p);
    f.doc.Parse(text.c_str(), text.size());
    if (f.doc.HasParseError()) {
      fail(f.path + ": " + rapidjson::GetParseError_En(f.doc.GetParseError()) + " at byte " +
           std::to_string(f.doc.GetErrorOffset()));
    }
    files.push_back(std::move(f));
  }
  Compiler compiler(files);
  std::vector<std::pair<std::string, std::string>> roots;
  for (const File &f : files) roots.emplace_back(f.path, compiler.compile(f, ""));
  std::vector<std::string> collectors;
  for (const File &f : files) collectors.push_back(compiler.collect(f, ""));
  std::string out = compiler.code();
  std::set<std::string> embedded;
  for (const std::string &p : paths) {
    if (p.compare(0, prefix.size(), prefix) == 0) embedded.insert(p.substr(prefix.size()));
  }
  TextPool text;
  std::vector<std::string> names;
  out += Tabulator(files, embedded).code(text, names);
  // Each root's outline: its top-level property names and required names,
  // for what reads a schema's shape without checking a value against it;
  // its strings are in the node table's pools.
  out += "namespace {\n\n";
  std::vector<std::string> outlines;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const Value &doc = files[i].doc;
    std::vector<std::string> declared;
    if (doc.IsObject()) {
      const auto pm = doc.FindMember("properties");
      if (pm != doc.MemberEnd() && pm->value.IsObject()) {
        for (auto m = pm->value.MemberBegin(); m != pm->value.MemberEnd(); ++m) declared.push_back(str(m->name));
      }
    }
    // Schema order, then the same names by bytes, for a lookup that builds
    // nothing at run time (the request decision's member test).
    const std::size_t properties = names.size();
    for (const std::string &name : declared) names.push_back(text.add(name));
    std::sort(declared.begin(), declared.end());
    for (const std::string &name : declared) names.push_back(text.add(name));
    const std::size_t required = names.size();
    if (doc.IsObject()) {
      const auto rm = doc.FindMember("required");
      if (rm != doc.MemberEnd() && rm->value.IsArray()) {
        for (const Value &r : rm->value.GetArray()) {
          if (r.IsString()) names.push_back(text.add(str(r)));
        }
      }
    }
    const bool unknown = doc.IsObject() && doc.HasMember("x-callcheck-bodyUnknown");
    outlines.push_back("{" + std::to_string(properties) + ", " + std::to_string(declared.size()) + ", " +
                       std::to_string(required) + ", " + std::to_string(names.size() - required) + ", " +
                       (unknown ? "true" : "false") + "}");
  }
  out +=
      "struct Entry {\n  schema_table::Text path;\n  SchemaOutline "
      "outline;\n};\n\n";
  out += "// Sorted by path.\nconstexpr Entry kEntries[] = {\n";
  for (std::size_t i = 0; i < roots.size(); ++i) {
    out += "    {" + text.add(roots[i].first) + ", " + outlines[i] + "},\n";
  }
  // The functions of entry i by a switch, not a table of pointers, which a
  // static-pie binary would relocate at every start (issue 14).
  std::string checks;
  std::string collects;
  for (std::size_t i = 0; i < roots.size(); ++i) {
    checks += "    case " + std::to_string(i) + ": return " + roots[i].second + ";\n";
    collects += "    case " + std::to_string(i) + ": return " + collectors[i] + ";\n";
  }
  out += "};\n\nauto check_at(std::ptrdiff_t i) -> CompiledCheck {\n  switch (i) {\n" + checks +
         "    default: return nullptr;\n  }\n}\n\n";
  out += "auto collect_at(std::ptrdiff_t i) -> CompiledCollect {\n  switch (i) {\n" + collects +
         "    default: return nullptr;\n  }\n}\n\n";
  out += "auto find_entry(std::string_view path) -> const Entry * {\n";
  out += "  const Entry *first = std::begin(kEntries);\n  const Entry *last = std::end(kEntries);\n";
  out += "  const Entry *it = std::lower_bound(first, last, path, [](const Entry &e, std::string_view p) {\n";
  out += "    return std::string_view(e.path) < p;\n  });\n";
  out += "  return it != last && std::string_view(it->path) == path ? it : nullptr;\n}\n\n}  // namespace\n\n";
  out += "namespace schema_table {\n\nconst char kText[] =\n" + text.literal() + ";\n";
  out += array("Text", "kNames", names) + "\n}  // namespace schema_table\n\n";
  out += "auto SchemaOutline::property(std::size_t i) const -> std::string_view {\n";
  out += "  return schema_table::kNames[properties + i];\n}\n\n";
  out += "auto SchemaOutline::has_property(std::string_view name) const -> bool {\n";
  out += "  const schema_table::Text *first = schema_table::kNames + properties + property_count;\n";
  out += "  const schema_table::Text *last = first + property_count;\n";
  out +=
      "  const schema_table::Text *it = std::lower_bound(first, last, name, [](const schema_table::Text &t, "
      "std::string_view n) {\n";
  out += "    return std::string_view(t) < n;\n  });\n";
  out += "  return it != last && std::string_view(*it) == name;\n}\n\n";
  out += "auto SchemaOutline::required_name(std::size_t i) const -> std::string_view {\n";
  out += "  return schema_table::kNames[required + i];\n}\n\n";
  out += "auto compiled_outline(std::string_view path) -> const SchemaOutline * {\n";
  out += "  const Entry *e = find_entry(path);\n  return e == nullptr ? nullptr : &e->outline;\n}\n\n";
  out += "auto compiled_check(std::string_view path) -> CompiledCheck {\n";
  out += "  const Entry *e = find_entry(path);\n  return e == nullptr ? nullptr : check_at(e - kEntries);\n}\n\n";
  out += "auto compiled_collect(std::string_view path) -> CompiledCollect {\n";
  out += "  const Entry *e = find_entry(path);\n  return e == nullptr ? nullptr : collect_at(e - kEntries);\n}\n\n";
  out += "auto compiled_paths() -> std::vector<std::string_view> {\n  std::vector<std::string_view> out;\n";
  out += "  for (const Entry &e : kEntries) out.push_back(e.path);\n  return out;\n}\n\n";
  out += "}  // namespace callcheck::detail\n";
  // Written only when it changed, so an unrelated schema edit that compiles
  // to the same code rebuilds nothing.
  std::ifstream existing(output, std::ios::binary);
  if (existing) {
    std::ostringstream s;
    s << existing.rdbuf();
    if (s.str() == out) return;
  }
  std::ofstream o(output, std::ios::binary | std::ios::trunc);
  o << out;
  if (!o) fail("cannot write " + output);
}

}  // namespace

auto main(int argc, char **argv) -> int {
  if (argc != 4) {
    std::fprintf(stderr, "usage: callcheck_schemac <schemas dir> <path list> <output.cc>\n");
    return 2;
  }
  try {
    run(argv[1], argv[2], argv[3]);
  } catch (const std::exception &e) {
    std::fprintf(stderr, "callcheck_schemac: %s\n", e.what());
    return 1;
  }
  return 0;
}
