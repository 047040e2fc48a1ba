// Lookups in the compiled name <-> GUID table (audit/permission_id_table.h):
// binary searches over indexes tools/permc sorted at build time.
#include "audit/permission_ids.h"

#include <algorithm>  // std::all_of, std::binary_search, std::equal_range, std::lower_bound
#include <cctype>     // std::isxdigit, std::tolower

#include "audit/permission_id_table.h"
#include "permissions/permissions.h"
#include "util/suggest.h"

namespace callcheck::detail {
namespace {

using permission_id_table::Id;
using permission_id_table::Key;
using permission_id_table::kTable;
using permission_id_table::Row;
using permission_id_table::Text;
using permission_id_table::text;

struct IdOrder {
  auto operator()(const Id &a, std::string_view b) const -> bool { return text(a.id) < b; }
  auto operator()(std::string_view a, const Id &b) const -> bool { return a < text(b.id); }
};

struct TextOrder {
  auto operator()(Text a, std::string_view b) const -> bool { return text(a) < b; }
  auto operator()(std::string_view a, Text b) const -> bool { return a < text(b); }
};

auto first_segment(std::string_view name) -> std::string_view { return name.substr(0, name.find('.')); }

auto find(const permission_id_table::Slice<Key> &index, std::string_view key) -> const Key * {
  const Key *it = std::lower_bound(index.begin(), index.end(), key,
                                   [](const Key &k, std::string_view wanted) { return text(k.key) < wanted; });
  return it != index.end() && text(it->key) == key ? it : nullptr;
}

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
  permissions_.reserve(kTable.rows.size);
  for (const Row &r : kTable.rows) {
    permissions_.push_back(
        PermissionInfo{text(r.name), text(r.application), text(r.delegated), text(r.personal), r.rsc, r.openid});
  }
}

auto PermissionIds::builtin() -> const PermissionIds & {
  static const PermissionIds table;
  return table;
}

auto PermissionIds::version() const -> std::string_view { return kTable.version; }

auto PermissionIds::by_id(std::string_view guid) const -> std::vector<IdMatch> {
  const std::string key = normal_guid(guid);
  const auto range = std::equal_range(kTable.by_id.begin(), kTable.by_id.end(), std::string_view(key), IdOrder{});
  std::vector<IdMatch> out;
  for (const Id *it = range.first; it != range.second; ++it) {
    out.push_back(IdMatch{&permissions_[it->row], static_cast<IdScheme>(it->scheme)});
  }
  return out;
}

auto PermissionIds::by_name(std::string_view name) const -> const PermissionInfo * {
  const Key *k = find(kTable.by_name, name);
  return k != nullptr ? &permissions_[k->row] : nullptr;
}

auto PermissionIds::meant(std::string_view name) const -> const PermissionInfo * {
  // The documentation spellings first: "Calls.JoinGroupCallasGuest.All"
  // folds to nothing here, but permissions.json knows what it stands for.
  if (const std::optional<std::string> canonical = canonical_scope(name)) {
    if (const PermissionInfo *p = by_name(*canonical)) return p;
  }
  const Key *k = find(kTable.by_folded, fold_scope_name(name));
  return k != nullptr ? &permissions_[k->row] : nullptr;
}

auto PermissionIds::by_loose_name(std::string_view word) const -> const PermissionInfo * {
  const Key *k = find(kTable.by_loose, loose_key(word));
  return k != nullptr ? &permissions_[k->row] : nullptr;
}

auto PermissionIds::without_id(std::string_view name) const -> bool {
  return std::binary_search(kTable.without_id.begin(), kTable.without_id.end(), std::string_view(fold_scope_name(name)),
                            TextOrder{});
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
  return std::binary_search(kTable.segments.begin(), kTable.segments.end(), first_segment(word), TextOrder{}) ||
         find(kTable.by_folded, fold_scope_name(word)) != nullptr;
}

}  // namespace callcheck::detail
