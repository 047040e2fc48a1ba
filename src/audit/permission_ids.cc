// Loads the embedded name <-> GUID table once. The table is trusted (it is
// compiled in), but it goes through the strict parser like everything else:
// one parser, and the source lint allows RapidJSON's Parse in three files only.
#include "document/rapidjson_adapter.h"

#include "audit/permission_ids.h"

#include <algorithm>  // std::all_of
#include <cctype>     // std::isxdigit, std::tolower
#include <stdexcept>  // std::runtime_error

#include <fmt/format.h>

#include "document/document.h"
#include "embed/embedded.h"
#include "permissions/permissions.h"
#include "util/suggest.h"

namespace callcheck::detail {
namespace {

auto text_of(const Value &object, const char *name) -> std::string {
  if (!object.IsObject()) return {};
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsString()) return {};
  return {it->value.GetString(), it->value.GetStringLength()};
}

auto first_segment(std::string_view name) -> std::string_view { return name.substr(0, name.find('.')); }

}  // namespace

auto loose_key(std::string_view word) -> std::string {
  std::string out;
  for (const char c : word) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return out;
}

auto normal_guid(std::string_view text) -> std::string {
  if (text.size() != 36) return {};
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? out[i] != '-' : std::isxdigit(static_cast<unsigned char>(out[i])) == 0) return {};
    out[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[i])));
  }
  return out;
}

auto resource_or_placeholder_id(std::string_view guid) -> bool {
  const std::string g = normal_guid(guid);
  if (g.empty()) return false;
  if (g.substr(0, 7) == "0000000" &&
      (g.substr(8) == "-0000-0000-c000-000000000000" || g.substr(8) == "-0000-0ff1-ce00-000000000000")) {
    return true;
  }
  const char first = g[0];
  return std::all_of(g.begin(), g.end(), [&](char c) { return c == '-' || c == first; });
}

PermissionIds::PermissionIds() {
  const std::string_view text = embedded_file("callcheck/graph-permissions.json");
  const Document doc = Document::parse(text, Limits{});
  // A build defect, not bad input: the test suite validates the file.
  if (!doc.has_dom() || !doc.root().IsObject()) {
    throw std::runtime_error("embedded callcheck/graph-permissions.json is broken");
  }
  const Value &root = doc.root();
  if (const auto source = root.FindMember("source"); source != root.MemberEnd()) {
    version_ = fmt::format("{}@{} ({})", text_of(source->value, "repository"),
                           text_of(source->value, "commit").substr(0, 8), text_of(source->value, "date"));
  }
  if (const auto list = root.FindMember("permissions"); list != root.MemberEnd() && list->value.IsArray()) {
    permissions_.reserve(list->value.Size());
    for (const Value &e : list->value.GetArray()) {
      PermissionInfo p;
      p.name = text_of(e, "name");
      p.application = text_of(e, "application");
      p.delegated = text_of(e, "delegated");
      p.personal = text_of(e, "personal");
      p.rsc = e.HasMember("rsc");
      p.openid = text_of(e, "source") == "openid";
      permissions_.push_back(std::move(p));
    }
  }
  // Indexes after the vector stops growing (they hold addresses into it).
  for (std::size_t i = 0; i < permissions_.size(); ++i) {
    const PermissionInfo &p = permissions_[i];
    by_name_.emplace(p.name, i);
    by_folded_.emplace(fold_scope_name(p.name), i);
    by_loose_.emplace(loose_key(p.name), i);
    segments_.emplace(std::string(first_segment(p.name)), true);
    if (!p.application.empty()) by_id_[p.application].push_back(IdMatch{&p, IdScheme::Application});
    if (!p.delegated.empty()) by_id_[p.delegated].push_back(IdMatch{&p, IdScheme::Delegated});
    if (!p.personal.empty()) by_id_[p.personal].push_back(IdMatch{&p, IdScheme::Personal});
  }
  if (const auto list = root.FindMember("withoutId"); list != root.MemberEnd() && list->value.IsArray()) {
    for (const Value &e : list->value.GetArray()) {
      if (!e.IsString()) continue;
      const std::string_view name(e.GetString(), e.GetStringLength());
      without_id_.emplace(fold_scope_name(name), true);
      segments_.emplace(std::string(first_segment(name)), true);
    }
  }
}

auto PermissionIds::builtin() -> const PermissionIds & {
  static const PermissionIds table;
  return table;
}

auto PermissionIds::by_id(std::string_view guid) const -> std::vector<IdMatch> {
  const std::string key = normal_guid(guid);
  const auto it = by_id_.find(key);
  return it == by_id_.end() ? std::vector<IdMatch>{} : it->second;
}

auto PermissionIds::by_name(std::string_view name) const -> const PermissionInfo * {
  const auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &permissions_[it->second];
}

auto PermissionIds::meant(std::string_view name) const -> const PermissionInfo * {
  // The documentation spellings first: "Calls.JoinGroupCallasGuest.All"
  // folds to nothing here, but permissions.json knows what it stands for.
  if (const std::optional<std::string> canonical = canonical_scope(name)) {
    if (const PermissionInfo *p = by_name(*canonical)) return p;
  }
  const auto it = by_folded_.find(fold_scope_name(name));
  return it == by_folded_.end() ? nullptr : &permissions_[it->second];
}

auto PermissionIds::by_loose_name(std::string_view word) const -> const PermissionInfo * {
  const auto it = by_loose_.find(loose_key(word));
  return it == by_loose_.end() ? nullptr : &permissions_[it->second];
}

auto PermissionIds::without_id(std::string_view name) const -> bool {
  return without_id_.count(fold_scope_name(name)) > 0;
}

auto PermissionIds::suggest(std::string_view name) const -> std::string {
  // Names of the same family first, with a budget for a missing word
  // ("Calls.JoinGroup.All" -> "Calls.JoinGroupCall.All" is 4 edits).
  const std::string_view family = first_segment(name);
  std::vector<std::string_view> same;
  for (const PermissionInfo &p : permissions_) {
    if (first_segment(p.name) == family) same.push_back(p.name);
  }
  std::size_t best = std::max<std::size_t>(3, name.size() / 4) + 1;
  std::string found;
  for (const std::string_view candidate : same) {
    const std::size_t d = edit_distance(name, candidate);
    if (d < best) {
      best = d;
      found = std::string(candidate);
    }
  }
  if (!found.empty()) return found;
  std::vector<std::string_view> every;
  every.reserve(permissions_.size());
  for (const PermissionInfo &p : permissions_) every.push_back(p.name);
  return closest(name, every);
}

auto PermissionIds::looks_like_permission(std::string_view word) const -> bool {
  if (word.find('.') == std::string_view::npos) return false;
  return segments_.count(first_segment(word)) > 0 || by_folded_.count(fold_scope_name(word)) > 0;
}

}  // namespace callcheck::detail
