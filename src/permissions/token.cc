// Reads the `roles` and `tid` claims of a JWT without verifying it. Only the payload
// (middle part) is decoded. No message built here ever contains token text.
#include "document/rapidjson_adapter.h"

#include "permissions/token.h"

#include "document/document.h"

#include <cstddef>      // std::size_t
#include <cstdint>      // std::uint32_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view

namespace callcheck::detail {
namespace {

constexpr std::size_t kMaxTokenBytes = 64U * 1024U;

auto is_space(char c) -> bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

auto trim(std::string_view text) -> std::string_view {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// -1 for a character outside the base64url alphabet.
auto sextet(char c) -> int {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

}  // namespace

// RFC 4648 section 5, without padding (JWS compact serialisation); trailing
// '=' padding is tolerated. nullopt on any other character or a dangling
// single character.
auto base64url_decode(std::string_view text) -> std::optional<std::string> {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 4 * 3 + 2);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const int value = sextet(c);
    if (value < 0) return std::nullopt;
    buffer = (buffer << 6U) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> static_cast<unsigned>(bits)) & 0xFFU));
    }
  }
  return out;
}

auto decode_token_roles(std::string_view token) -> TokenRoles {
  TokenRoles result;
  token = trim(token);
  if (token.size() > kMaxTokenBytes) {
    result.error = "token is too long (more than 64 KiB)";
    return result;
  }
  // An optional "Bearer " prefix (scheme name case-insensitive, RFC 7235).
  constexpr std::string_view kBearer = "bearer ";
  if (token.size() > kBearer.size()) {
    bool bearer = true;
    for (std::size_t i = 0; i < kBearer.size(); ++i) {
      const char c = token[i];
      const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      if (lower != kBearer[i]) bearer = false;
    }
    if (bearer) token = trim(token.substr(kBearer.size()));
  }

  const std::size_t first = token.find('.');
  const std::size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (first == std::string_view::npos || second == std::string_view::npos ||
      token.find('.', second + 1) != std::string_view::npos || first == 0 || second == first + 1) {
    result.error = "not a JWT: expected three dot-separated parts";
    return result;
  }
  const std::optional<std::string> payload = base64url_decode(token.substr(first + 1, second - first - 1));
  if (!payload) {
    result.error = "payload is not base64url";
    return result;
  }
  // The strict parser: a token is untrusted, and RapidJSON's recursive
  // Parse() overflows the stack on a payload of nested brackets.
  const Document parsed = Document::parse(*payload, Limits{});
  if (!parsed.has_dom() || !parsed.root().IsObject()) {
    result.error = "payload is not a JSON object";
    return result;
  }
  const Value &json = parsed.root();
  const auto roles = json.FindMember("roles");
  if (roles == json.MemberEnd()) {
    result.error =
        "no `roles` claim: this token carries no application permissions (delegated tokens use `scp`, which create "
        "call does not accept)";
    return result;
  }
  // Entra ID sends an array; a single string is tolerated.
  if (roles->value.IsString()) {
    result.roles.emplace_back(roles->value.GetString(), roles->value.GetStringLength());
  } else if (roles->value.IsArray()) {
    for (const rapidjson::Value &role : roles->value.GetArray()) {
      if (!role.IsString()) {
        result.roles.clear();
        result.error = "the `roles` claim is not an array of strings";
        return result;
      }
      result.roles.emplace_back(role.GetString(), role.GetStringLength());
    }
  } else {
    result.error = "the `roles` claim is not an array of strings";
    return result;
  }
  // The tenant the token was issued by: the service compares it with the
  // call's tenant (7505, microsoft-graph-comms-samples#171).
  if (const auto tid = json.FindMember("tid"); tid != json.MemberEnd() && tid->value.IsString()) {
    result.tenant = std::string(tid->value.GetString(), tid->value.GetStringLength());
  }
  result.ok = true;
  return result;
}

}  // namespace callcheck::detail
