// Cross-check of schemas/graph/{v1.0,beta}/*.schema.json against the official CSDL in
// shared/corpus/csdl (see shared/design/GRAPH.md sections 1 and 3).
//
// For each profile and each schema file:
//   * header: $schema draft-07, $id https://callcheck.dev/schemas/graph/<profile>/<title>.schema.json,
//     title == file stem, type "object";
//   * no forbidden keyword (pattern, patternProperties, format, multipleOf, uniqueItems) anywhere
//     (valijson 1.0 runs them through std::regex, which crashes on long strings);
//   * every $ref is a bare sibling file name that exists; the $ref graph has no cycle;
//   * the title names a CSDL type of the profile, and then:
//       - the schema declares exactly the CSDL structural properties of the type and its base types
//         (plus the "@odata.type" annotation, {"type": "string"});
//       - each property has the JSON shape of its Edm type (string/boolean/integer, enum, $ref to the
//         type's schema, array with maxItems, or — for an abstract type — a polymorphic slot resolved
//         by @odata.type), with null allowed exactly when the CSDL says Nullable (primitive and enum
//         properties only; object-valued properties are plain $refs and collections are arrays, see
//         "nullability" below);
//       - every enum equals the CSDL EnumType members in metadata order (plus null when nullable);
//       - x-callcheck-open equals OpenType, and closed types set additionalProperties: false;
//       - required == the Nullable="false" properties, corrected by kRequiredDeviations;
//       - x-callcheck-readOnly marks exactly the properties in kReadOnly (GRAPH.md 3.1, corrected);
//       - a property the CSDL lacks is allowed only with x-callcheck-notInMetadata and a kNotInMetadata
//         row that gives its shape and the evidence for accepting it.
//   * every concrete CSDL type of the profile has a schema file.
//
// Nullability: object-valued properties are plain {"$ref": ...}; null is not accepted for them even
// when the CSDL property is nullable (the only nulls sent for object properties in the doc corpus are
// in response bodies). Collections are arrays (OData collections are never null).
//
// Profiles: v1.0 = corpus/csdl/v1.0-call-types.xml (2026). beta = corpus/csdl/beta-call-types.xml
// (2021, the newest beta CSDL obtainable) overlaid with today's beta names from
// beta-current-type-mappings-subset.json (2026, names only) as documented in kBetaOverlay.

#include <rapidjson/document.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#ifndef CALLCHECK_SCHEMAS_DIR
#error "CALLCHECK_SCHEMAS_DIR must be defined"
#endif
#ifndef CALLCHECK_SHARED_DIR
#error "CALLCHECK_SHARED_DIR must be defined"
#endif

namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Documented decisions
// ---------------------------------------------------------------------------------------------

// Names that today's beta (M-BN, 2026) has and the 2021 beta CSDL lacks. M-BN gives names only, so
// the shape comes from v1.0 CSDL (same names, same types where both exist: csdl/README.md) or, where
// v1.0 lacks it too, is assumed as written here. The test fails on any M-BN name not covered here.
struct BetaOverlay {
  const char *type;
  const char *property;      // "" = the whole type
  const char *from;          // "v1.0" or "assumed"
  const char *assumed_type;  // Edm type for assumed properties ("" otherwise)
  const char *reason;
};
const BetaOverlay kBetaOverlay[] = {
    {"azureCommunicationServicesUserIdentity", "", "v1.0", "",
     "type added to beta after 2021; base identity, open, as in v1.0"},
    {"communicationsApplicationIdentity", "", "v1.0", "",
     "type added to beta after 2021; base identity, open, as in v1.0"},
    {"communicationsApplicationInstanceIdentity", "", "v1.0", "",
     "type added to beta after 2021; base identity, open, as in v1.0"},
    {"communicationsEncryptedIdentity", "", "v1.0", "",
     "type added to beta after 2021; base identity, open, as in v1.0"},
    {"communicationsGuestIdentity", "", "v1.0", "", "type added to beta after 2021; base identity, open, as in v1.0"},
    {"communicationsPhoneIdentity", "", "v1.0", "", "type added to beta after 2021; base identity, open, as in v1.0"},
    {"communicationsUserIdentity", "", "v1.0", "", "type added to beta after 2021; base identity, open, as in v1.0"},
    {"communicationsIdentitySet", "", "v1.0", "", "type added to beta after 2021; base identitySet, open, as in v1.0"},
    {"incomingCallOptions", "", "v1.0", "", "type added to beta after 2021 (answer only; not a create-call slot)"},
    {"joinMeetingIdMeetingInfo", "", "v1.0", "",
     "type added to beta in 2022 (CUR-R); base meetingInfo, open, as in v1.0"},
    {"liveCaptionOptions", "", "assumed", "",
     "in no CSDL here; beta docs: one string property streamUrl; assumed closed like the other non-identity complex "
     "types"},
    {"liveCaptionOptions", "streamUrl", "assumed", "Edm.String", "see liveCaptionOptions; nullable string"},
    {"callOptions", "hideBotAfterEscalation", "v1.0", "", "added to beta after 2021; Edm.Boolean as in v1.0"},
    {"callOptions", "isContentSharingNotificationEnabled", "v1.0", "",
     "added to beta after 2021; Edm.Boolean as in v1.0"},
    {"callOptions", "isDeltaRosterEnabled", "v1.0", "", "added to beta after 2021; Edm.Boolean as in v1.0"},
    {"callOptions", "isInteractiveRosterEnabled", "v1.0", "", "added to beta after 2021; Edm.Boolean as in v1.0"},
    {"participantInfo", "participantId", "v1.0", "", "added to beta after 2021; Edm.String as in v1.0"},
    {"participantInfo", "nonAnonymizedIdentity", "assumed", "graph.identitySet",
     "beta only, type not in CSDL here; Graph SDK models and PowerShell docs type it identitySet"},
    {"invitationParticipantInfo", "hidden", "v1.0", "", "added to beta after 2021; as in v1.0"},
    {"invitationParticipantInfo", "participantId", "v1.0", "", "added to beta after 2021; as in v1.0"},
    {"invitationParticipantInfo", "removeFromDefaultAudioRoutingGroup", "v1.0", "",
     "added to beta after 2021; as in v1.0"},
    {"serviceHostedMediaConfig", "liveCaptionOptions", "assumed", "graph.liveCaptionOptions",
     "beta only (GRAPH.md 1.3), type not confirmed from CSDL"},
};

// Where `required` differs from "exactly the Nullable=false properties".
struct RequiredDeviation {
  const char *type;
  const char *property;  // "*" = every property of the type
  bool required;
  const char *reason;
};
const RequiredDeviation kRequiredDeviations[] = {
    {"call", "mediaConfig", true, "nullable in CSDL, but 'Required' per docs (GRAPH.md 3.2)"},
    {"call", "id", false, "key inherited from entity; server generated (GRAPH.md 3.1)"},
    {"callRoute", "*", false, "read-only type; sending it is a lint finding, not a missing-member error"},
    {"toneInfo", "*", false, "read-only type; sending it is a lint finding, not a missing-member error"},
    {"resultInfo", "*", false, "read-only type; sending it is a lint finding, not a missing-member error"},
    {"callTranscriptionInfo", "*", false, "read-only type; sending it is a lint finding, not a missing-member error"},
    {"meetingCapability", "*", false,
     "read-only type (beta); sending it is a lint finding, not a missing-member error"},
};

// Concrete subtypes deliberately NOT accepted in a polymorphic slot of a create body.
struct SlotExclusion {
  const char *subtype;
  const char *reason;
};
const SlotExclusion kSlotExclusions[] = {
    {"incomingCallOptions", "callOptions subtype for answer, not for create (GRAPH.md 1.2)"},
};

// x-callcheck-readOnly: GRAPH.md 3.1, corrected (issue 10). Not marked: `tenantId`, which an app-only bot
// sends to name the call's tenant (a join without it fails with 7505: microsoft-graph-docs#9481, PR #9496;
// only the 2018-19 beta call page called it read-only), and `callChainId`, which the call page says
// "needs to be copied over" from an existing call. participantInfo: every member except identity, which
// is writable in call.source.
const std::map<std::string, std::set<std::string>> kReadOnly = {
    {"call",
     {"id", "state", "direction", "myParticipantId", "callRoutes", "resultInfo", "mediaState", "toneInfo",
      "transcription", "incomingContext", "activeModalities", "answeredBy", "meetingCapability", "terminationReason"}},
    {"participantInfo", {"countryCode", "endpointType", "languageId", "region", "platformId", "participantId"}},
    {"incomingContext", {"observedParticipantId", "sourceParticipantId"}},
};

// Properties a schema declares although the profile's CSDL does not declare them on that type; each
// carries "x-callcheck-notInMetadata" (the reason, for readers of the schema). `shape` says where the
// Edm type comes from: "Edm.X" as written, or "@<type>" for the same-named property of the CSDL type
// <type>, which must derive from this one (property "*" = every property of <type> that this type
// lacks). Every marked property must be listed here and every row must be marked in the schema.
struct NotInMetadata {
  const char *profile;  // "v1.0", "beta" or "*"
  const char *type;
  const char *property;  // "*" with a "@<type>" shape: all of that derived type's own properties
  const char *shape;
  const char *reason;
};
const NotInMetadata kNotInMetadata[] = {
    {"*", "identitySet", "*", "@communicationsIdentitySet",
     "doc examples put communicationsIdentitySet members (guest, phone, applicationInstance) in sets typed "
     "identitySet, legal because identitySet is open; declared here so that they are type-checked as identities "
     "whatever the set's @odata.type (a string there answers 9999: microsoft-graph-docs#16084)"},
    {"*", "participantInfo", "tenantId", "Edm.String",
     "the service accepted a create request whose source sent it (microsoft-graph-comms-samples#419: the call was "
     "created, then failed for another reason), so it is no schema error"},
    {"v1.0", "organizerMeetingInfo", "allowConversationWithoutHost", "Edm.Boolean",
     "beta-only in the metadata, but the v1.0 page's own join examples send it (GRAPH.md 2.4): the docs contradict "
     "themselves and callcheck follows the example"},
    {"v1.0", "serviceHostedMediaConfig", "removeFromDefaultAudioGroup", "Edm.Boolean",
     "beta-only in the metadata, but the v1.0 page's own group-call examples send it (GRAPH.md 2.4)"},
    {"v1.0", "appHostedMediaConfig", "removeFromDefaultAudioGroup", "Edm.Boolean",
     "beta-only in the metadata, but the v1.0 page's own group-call examples send it (GRAPH.md 2.4)"},
};

const char *const kForbidden[] = {"pattern", "patternProperties", "format", "multipleOf", "uniqueItems"};

// ---------------------------------------------------------------------------------------------
// CSDL model + tiny XML scan
// ---------------------------------------------------------------------------------------------

struct Prop {
  std::string name, type;
  bool nullable = true;
};
struct Type {
  std::string name, base;
  bool open = false, abstract_ = false;
  std::vector<Prop> props;
};
struct Model {
  std::map<std::string, Type> types;
  std::map<std::string, std::vector<std::string>> enums;
};

std::string ReadFile(const fs::path &p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

std::string Attr(const std::string &tag, const std::string &name) {
  const std::string key = " " + name + "=\"";
  const auto at = tag.find(key);
  if (at == std::string::npos) return "";
  const auto start = at + key.size();
  return tag.substr(start, tag.find('"', start) - start);
}

std::string StripNs(const std::string &t) {  // "graph.x" / "microsoft.graph.x" -> "x"
  const auto dot = t.rfind('.');
  return dot == std::string::npos ? t : t.substr(dot + 1);
}

Model ParseCsdl(const fs::path &path) {
  const std::string xml = ReadFile(path);
  EXPECT_FALSE(xml.empty()) << path;
  Model m;
  size_t pos = 0;
  while ((pos = xml.find('<', pos)) != std::string::npos) {
    const size_t end = xml.find('>', pos);
    if (end == std::string::npos) break;
    const std::string tag = xml.substr(pos, end - pos + 1);
    const bool self_closing = tag.size() >= 2 && tag[tag.size() - 2] == '/';
    auto starts = [&](const char *s) { return tag.rfind(s, 0) == 0; };
    if (starts("<EntityType ") || starts("<ComplexType ")) {
      Type t;
      t.name = Attr(tag, "Name");
      t.base = StripNs(Attr(tag, "BaseType"));
      t.open = Attr(tag, "OpenType") == "true";
      t.abstract_ = Attr(tag, "Abstract") == "true";
      size_t body_end = end;
      if (!self_closing) {
        body_end = xml.find(starts("<EntityType ") ? "</EntityType>" : "</ComplexType>", end);
        const std::string body = xml.substr(end, body_end - end);
        size_t p = 0;
        while ((p = body.find("<Property ", p)) != std::string::npos) {
          const std::string ptag = body.substr(p, body.find('>', p) - p + 1);
          t.props.push_back({Attr(ptag, "Name"), Attr(ptag, "Type"), Attr(ptag, "Nullable") != "false"});
          ++p;
        }
      }
      m.types[t.name] = t;
      pos = body_end;
      continue;
    }
    if (starts("<EnumType ")) {
      const std::string name = Attr(tag, "Name");
      const size_t body_end = xml.find("</EnumType>", end);
      const std::string body = xml.substr(end, body_end - end);
      size_t p = 0;
      while ((p = body.find("<Member ", p)) != std::string::npos) {
        m.enums[name].push_back(Attr(body.substr(p, body.find('>', p) - p + 1), "Name"));
        ++p;
      }
      pos = body_end;
      continue;
    }
    pos = end;
  }
  return m;
}

fs::path SharedCsdl() { return fs::path(CALLCHECK_SHARED_DIR) / "corpus" / "csdl"; }

std::set<std::string> JsonNames(const rapidjson::Value &arr) {
  std::set<std::string> out;
  for (const auto &v : arr.GetArray()) out.insert(v.GetString());
  return out;
}

// beta = 2021 CSDL + kBetaOverlay, then checked name-for-name against M-BN.
Model BuildBetaModel(const Model &v10) {
  Model m = ParseCsdl(SharedCsdl() / "beta-call-types.xml");
  for (const auto &o : kBetaOverlay) {
    const std::string type = o.type, prop = o.property, from = o.from;
    if (prop.empty()) {
      EXPECT_EQ(m.types.count(type), 0u) << "overlay row for " << type << " but the 2021 CSDL has it";
      if (from == "v1.0") {
        const auto it = v10.types.find(type);
        if (it == v10.types.end()) {
          ADD_FAILURE() << "overlay borrows " << type << " from v1.0, which lacks it";
          continue;
        }
        m.types[type] = it->second;
      } else {
        Type t;
        t.name = type;
        m.types[type] = t;  // closed, no base, properties from further rows
      }
      continue;
    }
    auto tit = m.types.find(type);
    if (tit == m.types.end()) {
      ADD_FAILURE() << "overlay property " << type << "." << prop << " on unknown type";
      continue;
    }
    auto &props = tit->second.props;
    if (std::any_of(props.begin(), props.end(), [&](const Prop &p) { return p.name == prop; })) {
      if (from == "assumed") continue;  // property came with a type borrowed/created above
      ADD_FAILURE() << "overlay row " << type << "." << prop << " but the 2021 CSDL already has it";
      continue;
    }
    if (from == "v1.0") {
      bool found = false;
      for (const auto &p : v10.types.at(type).props) {
        if (p.name == prop) {
          props.push_back(p);
          found = true;
        }
      }
      EXPECT_TRUE(found) << "overlay borrows " << type << "." << prop << " from v1.0, which lacks it";
    } else {
      props.push_back({prop, o.assumed_type, true});
    }
  }

  // Today's beta names must match the overlaid model exactly (own properties; M-BN lists no
  // inherited ones). Enum member sets must match too (M-BN lists them alphabetically).
  rapidjson::Document names;
  names.Parse(ReadFile(SharedCsdl() / "beta-current-type-mappings-subset.json").c_str());
  EXPECT_FALSE(names.HasParseError());
  for (const char *group : {"entityTypes", "complexTypes"}) {
    for (const auto &kv : names[group].GetObject()) {
      const std::string type = kv.name.GetString();
      const auto it = m.types.find(type);
      if (it == m.types.end()) {
        ADD_FAILURE() << "beta type " << type << " (M-BN) not covered by 2021 CSDL nor kBetaOverlay";
        continue;
      }
      std::set<std::string> have;
      for (const auto &p : it->second.props) have.insert(p.name);
      EXPECT_EQ(have, JsonNames(kv.value["properties"]))
          << "beta properties of " << type << " differ from M-BN: extend kBetaOverlay with a reason";
    }
  }
  for (const auto &kv : names["enumTypes"].GetObject()) {
    const std::string e = kv.name.GetString();
    const auto it = m.enums.find(e);
    if (it == m.enums.end()) {
      ADD_FAILURE() << "beta enum " << e << " missing from the 2021 CSDL";
      continue;
    }
    EXPECT_EQ(std::set<std::string>(it->second.begin(), it->second.end()), JsonNames(kv.value))
        << "beta enum " << e << " members differ between 2021 CSDL and M-BN";
  }
  return m;
}

// ---------------------------------------------------------------------------------------------
// Schema checks
// ---------------------------------------------------------------------------------------------

std::map<std::string, Prop> AllProps(const Model &m, const std::string &type) {
  std::vector<const Type *> chain;
  for (std::string t = type; !t.empty();) {
    const auto it = m.types.find(t);
    if (it == m.types.end()) {
      ADD_FAILURE() << "unknown base type " << t;
      break;
    }
    chain.push_back(&it->second);
    t = it->second.base;
  }
  std::map<std::string, Prop> out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    for (const auto &p : (*it)->props) out[p.name] = p;
  return out;
}

std::string Str(const rapidjson::Value &o, const char *key) {
  return o.IsObject() && o.HasMember(key) && o[key].IsString() ? o[key].GetString() : "";
}

std::set<std::string> TypeSet(const rapidjson::Value &s) {
  std::set<std::string> out;
  if (!s.IsObject() || !s.HasMember("type")) return out;
  const auto &t = s["type"];
  if (t.IsString()) out.insert(t.GetString());
  if (t.IsArray())
    for (const auto &v : t.GetArray()) out.insert(v.GetString());
  return out;
}

std::string JsonTypeOf(const std::string &edm) {
  if (edm == "Edm.String" || edm == "Edm.DateTimeOffset") return "string";
  if (edm == "Edm.Boolean") return "boolean";
  if (edm == "Edm.Int32" || edm == "Edm.Int64") return "integer";
  return "";
}

bool IsExcludedFromSlot(const std::string &subtype) {
  for (const auto &e : kSlotExclusions)
    if (subtype == e.subtype) return true;
  return false;
}

// Checks one value schema (property or array item) against the Edm type.
void CheckValue(const Model &m, const std::string &where, const rapidjson::Value &s, const std::string &edm,
                bool nullable, bool in_collection) {
  ASSERT_TRUE(s.IsObject()) << where;
  if (edm.rfind("Collection(", 0) == 0) {
    EXPECT_EQ(TypeSet(s), std::set<std::string>{"array"}) << where;
    EXPECT_TRUE(s.HasMember("maxItems") && s["maxItems"].IsUint()) << where << ": arrays need maxItems";
    ASSERT_TRUE(s.HasMember("items")) << where;
    CheckValue(m, where + "[]", s["items"], edm.substr(11, edm.size() - 12), false, true);
    return;
  }
  const bool allow_null = nullable && !in_collection;
  const std::string js = JsonTypeOf(edm);
  const std::string name = StripNs(edm);
  if (!js.empty() || m.enums.count(name)) {
    std::set<std::string> want{js.empty() ? "string" : js};
    if (allow_null) want.insert("null");
    EXPECT_EQ(TypeSet(s), want) << where << " (" << edm << (nullable ? ", nullable" : "") << ")";
    if (m.enums.count(name)) {
      ASSERT_TRUE(s.HasMember("enum") && s["enum"].IsArray()) << where << ": enum " << name;
      std::vector<std::string> got;
      bool has_null = false;
      for (const auto &v : s["enum"].GetArray()) {
        if (v.IsNull())
          has_null = true;
        else
          got.push_back(v.GetString());
      }
      EXPECT_EQ(got, m.enums.at(name)) << where << ": enum " << name << " must equal the CSDL members";
      EXPECT_EQ(has_null, allow_null) << where << ": null in enum iff nullable";
    } else {
      EXPECT_FALSE(s.HasMember("enum")) << where;
    }
    return;
  }
  const auto tit = m.types.find(name);
  ASSERT_NE(tit, m.types.end()) << where << ": unknown type " << edm;
  if (!tit->second.abstract_) {
    EXPECT_EQ(Str(s, "$ref"), name + ".schema.json") << where;
    return;
  }
  // Polymorphic slot of an abstract type.
  EXPECT_EQ(TypeSet(s), std::set<std::string>{"object"}) << where;
  ASSERT_TRUE(s.HasMember("required") && s["required"].IsArray()) << where;
  EXPECT_EQ(JsonNames(s["required"]), std::set<std::string>{"@odata.type"}) << where;
  std::set<std::string> want_subs;
  for (const auto &kv : m.types)
    if (kv.second.base == name && !kv.second.abstract_ && !IsExcludedFromSlot(kv.first)) want_subs.insert(kv.first);
  std::set<std::string> got_subs, all_disc;
  ASSERT_TRUE(s.HasMember("allOf") && s["allOf"].IsArray()) << where;
  for (const auto &branch : s["allOf"].GetArray()) {
    ASSERT_TRUE(branch.HasMember("if") && branch.HasMember("then")) << where;
    const auto &cond = branch["if"];
    // Without "required", an `if` on a missing @odata.type is vacuously true.
    ASSERT_TRUE(cond.HasMember("required")) << where << ": every if needs required [@odata.type]";
    EXPECT_EQ(JsonNames(cond["required"]), std::set<std::string>{"@odata.type"}) << where;
    const std::string ref = Str(branch["then"], "$ref");
    const std::string sub = ref.substr(0, ref.find('.'));
    got_subs.insert(sub);
    const auto disc = JsonNames(cond["properties"]["@odata.type"]["enum"]);
    EXPECT_EQ(disc, (std::set<std::string>{"#microsoft.graph." + sub, "microsoft.graph." + sub})) << where;
    all_disc.insert(disc.begin(), disc.end());
  }
  EXPECT_EQ(got_subs, want_subs) << where << ": concrete subtypes of " << name;
  EXPECT_EQ(JsonNames(s["properties"]["@odata.type"]["enum"]), all_disc) << where;
}

void WalkKeywords(const rapidjson::Value &v, const std::string &where, bool in_properties,
                  std::vector<std::string> *refs) {
  if (v.IsArray()) {
    for (const auto &e : v.GetArray()) WalkKeywords(e, where + "[]", false, refs);
    return;
  }
  if (!v.IsObject()) return;
  for (const auto &kv : v.GetObject()) {
    const std::string key = kv.name.GetString();
    if (!in_properties) {
      for (const char *f : kForbidden) EXPECT_NE(key, f) << "forbidden keyword at " << where;
      if (key == "$ref") {
        ASSERT_TRUE(kv.value.IsString()) << where;
        refs->push_back(kv.value.GetString());
      }
      if (key == "enum" || key == "required" || key == "const") continue;
    }
    WalkKeywords(kv.value, where + "/" + key, !in_properties && key == "properties", refs);
  }
}

// The kNotInMetadata rows of one schema, resolved: property -> its Edm type and nullability.
std::map<std::string, Prop> NotInMetadataOf(const Model &m, const std::string &profile, const std::string &type) {
  std::map<std::string, Prop> out;
  for (const auto &row : kNotInMetadata) {
    if (type != row.type || (std::string(row.profile) != "*" && profile != row.profile)) continue;
    const std::string shape = row.shape, property = row.property;
    EXPECT_FALSE(std::string(row.reason).empty());
    if (shape.rfind("@", 0) != 0) {
      out[property] = Prop{property, shape, true};
      continue;
    }
    const std::string from = shape.substr(1);
    const auto it = m.types.find(from);
    if (it == m.types.end()) {
      ADD_FAILURE() << profile << ": kNotInMetadata borrows from " << from << ", which the CSDL lacks";
      continue;
    }
    EXPECT_EQ(it->second.base, type) << from << " must derive from " << type << " to lend it properties";
    for (const auto &p : it->second.props) {
      if (property == "*" || p.name == property) out[p.name] = p;
    }
  }
  return out;
}

void CheckProfile(const std::string &profile, const Model &m) {
  const fs::path dir = fs::path(CALLCHECK_SCHEMAS_DIR) / "graph" / profile;
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  std::map<std::string, std::vector<std::string>> ref_graph;
  std::set<std::string> titles;
  for (const auto &entry : fs::directory_iterator(dir)) {
    const std::string file = entry.path().filename().string();
    const std::string suffix = ".schema.json";
    if (file.size() <= suffix.size() || file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
    const std::string stem = file.substr(0, file.size() - suffix.size());
    SCOPED_TRACE(profile + "/" + file);
    rapidjson::Document d;
    d.Parse(ReadFile(entry.path()).c_str());
    ASSERT_FALSE(d.HasParseError());
    EXPECT_EQ(Str(d, "$schema"), "http://json-schema.org/draft-07/schema#");
    EXPECT_EQ(Str(d, "$id"), "https://callcheck.dev/schemas/graph/" + profile + "/" + stem + ".schema.json");
    EXPECT_EQ(Str(d, "title"), stem);
    EXPECT_EQ(Str(d, "type"), "object");
    titles.insert(stem);

    std::vector<std::string> refs;
    WalkKeywords(d, "", false, &refs);
    for (const auto &r : refs) {
      EXPECT_EQ(r.find_first_of("#/"), std::string::npos) << "$ref must be a bare file name: " << r;
      EXPECT_TRUE(fs::exists(dir / r)) << "$ref target missing: " << r;
      ref_graph[stem].push_back(r.substr(0, r.size() - suffix.size()));
    }

    const auto tit = m.types.find(stem);
    if (tit == m.types.end()) {
      ADD_FAILURE() << stem << " is not a type of the " << profile << " CSDL";
      continue;
    }
    const Type &t = tit->second;
    EXPECT_FALSE(t.abstract_) << "abstract types have no schema; their slots are resolved by @odata.type";
    ASSERT_TRUE(d.HasMember("x-callcheck-open") && d["x-callcheck-open"].IsBool());
    EXPECT_EQ(d["x-callcheck-open"].GetBool(), t.open) << "x-callcheck-open vs OpenType";
    if (t.open) {
      EXPECT_FALSE(d.HasMember("additionalProperties")) << "open type must not restrict additionalProperties";
    } else {
      EXPECT_TRUE(d.HasMember("additionalProperties") && d["additionalProperties"].IsFalse())
          << "closed type needs additionalProperties: false";
    }

    ASSERT_TRUE(d.HasMember("properties") && d["properties"].IsObject());
    const auto &props = d["properties"];
    ASSERT_TRUE(props.HasMember("@odata.type"));
    EXPECT_EQ(TypeSet(props["@odata.type"]), std::set<std::string>{"string"});
    const auto csdl = AllProps(m, stem);
    std::set<std::string> want_required, want_ro;
    for (const auto &kv : csdl) {
      if (!props.HasMember(kv.first.c_str())) {
        ADD_FAILURE() << "CSDL property " << stem << "." << kv.first << " missing from schema";
        continue;
      }
      CheckValue(m, stem + "." + kv.first, props[kv.first.c_str()], kv.second.type, kv.second.nullable, false);
      bool req = !kv.second.nullable;
      for (const auto &dev : kRequiredDeviations)
        if (stem == dev.type && (kv.first == dev.property || std::string(dev.property) == "*")) req = dev.required;
      if (req) want_required.insert(kv.first);
    }
    const auto extra = NotInMetadataOf(m, profile, stem);
    for (const auto &kv : props.GetObject()) {
      const std::string name = kv.name.GetString();
      if (name == "@odata.type") continue;
      const bool marked = kv.value.HasMember("x-callcheck-notInMetadata");
      if (marked) {
        EXPECT_FALSE(Str(kv.value, "x-callcheck-notInMetadata").empty()) << name << ": the marker holds the reason";
        EXPECT_FALSE(csdl.count(name)) << stem << "." << name << " is in the CSDL; drop x-callcheck-notInMetadata";
        const auto row = extra.find(name);
        if (row == extra.end()) {
          ADD_FAILURE() << stem << "." << name << " carries x-callcheck-notInMetadata but has no kNotInMetadata row";
        } else {
          CheckValue(m, stem + "." + name, kv.value, row->second.type, row->second.nullable, false);
        }
        continue;
      }
      EXPECT_TRUE(csdl.count(name)) << "schema property " << stem << "." << name
                                    << " is not declared on the type or its base types in the " << profile << " CSDL";
      if (kv.value.HasMember("x-callcheck-readOnly")) {
        EXPECT_TRUE(kv.value["x-callcheck-readOnly"].IsTrue()) << name;
        want_ro.insert(name);
      }
    }
    for (const auto &[name, unused] : extra) {
      EXPECT_TRUE(props.HasMember(name.c_str()) && props[name.c_str()].HasMember("x-callcheck-notInMetadata"))
          << "kNotInMetadata lists " << stem << "." << name << " but the schema does not mark it";
    }
    std::set<std::string> got_required;
    if (d.HasMember("required")) got_required = JsonNames(d["required"]);
    EXPECT_EQ(got_required, want_required) << "required of " << stem << " (see kRequiredDeviations)";
    std::set<std::string> expect_ro;
    if (kReadOnly.count(stem))
      for (const auto &p : kReadOnly.at(stem))
        if (csdl.count(p)) expect_ro.insert(p);
    EXPECT_EQ(want_ro, expect_ro) << "x-callcheck-readOnly of " << stem << " (GRAPH.md 3.1)";
  }

  for (const auto &kv : m.types) {
    if (!kv.second.abstract_ && kv.first != "entity") {
      EXPECT_TRUE(titles.count(kv.first)) << profile << ": no schema for CSDL type " << kv.first;
    }
  }

  // No $ref cycles (nothing may refer back up).
  std::map<std::string, int> state;  // 0 new, 1 on stack, 2 done
  std::function<void(const std::string &, std::string)> dfs = [&](const std::string &n, std::string path) {
    state[n] = 1;
    for (const auto &next : ref_graph[n]) {
      if (state[next] == 1)
        ADD_FAILURE() << profile << ": $ref cycle " << path << " -> " << next;
      else if (state[next] == 0)
        dfs(next, path + " -> " + next);
    }
    state[n] = 2;
  };
  for (const auto &t : titles)
    if (state[t] == 0) dfs(t, t);
}

TEST(SchemaCsdlTest, V10MatchesCsdl) {
  const Model v10 = ParseCsdl(SharedCsdl() / "v1.0-call-types.xml");
  ASSERT_TRUE(v10.types.count("call"));
  ASSERT_TRUE(v10.enums.count("modality"));
  CheckProfile("v1.0", v10);
}

TEST(SchemaCsdlTest, BetaMatchesCsdlAndTodaysNames) {
  const Model v10 = ParseCsdl(SharedCsdl() / "v1.0-call-types.xml");
  const Model beta = BuildBetaModel(v10);
  ASSERT_TRUE(beta.types.count("call"));
  CheckProfile("beta", beta);
}

// Guard the hand-written XML scan itself against the facts GRAPH.md 1.4 / csdl/README.md state.
TEST(SchemaCsdlTest, CsdlScanSanity) {
  const Model v10 = ParseCsdl(SharedCsdl() / "v1.0-call-types.xml");
  const Model b21 = ParseCsdl(SharedCsdl() / "beta-call-types.xml");
  const auto &vm = v10.enums.at("modality");
  const auto &bm = b21.enums.at("modality");
  EXPECT_EQ(std::count(vm.begin(), vm.end(), "unknown"), 0);
  EXPECT_EQ(std::count(bm.begin(), bm.end(), "unknown"), 1);
  const auto &vs = v10.enums.at("callState");
  EXPECT_EQ(std::count(vs.begin(), vs.end(), "ringing"), 0);
  EXPECT_EQ(b21.enums.count("routingPolicy"), 1u);
  EXPECT_EQ(v10.enums.count("routingPolicy"), 0u);
  EXPECT_TRUE(v10.types.at("call").open);
  EXPECT_TRUE(v10.types.at("mediaConfig").abstract_);
  EXPECT_TRUE(v10.types.at("mediaConfig").props.empty());
  EXPECT_EQ(v10.types.at("call").props.size(), 20u);  // navigation properties excluded
  EXPECT_EQ(v10.types.at("organizerMeetingInfo").base, "meetingInfo");
  EXPECT_TRUE(v10.types.count("communicationsEncryptedIdentity"));  // self-closing element
}

}  // namespace
