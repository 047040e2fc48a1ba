// Reads the `roles` and `tid` claims of an OAuth access token (JWT) without
// verifying it. The token text never leaves this function: not in errors, not in logs.
#ifndef CALLCHECK_PERMISSIONS_TOKEN_H_
#define CALLCHECK_PERMISSIONS_TOKEN_H_

#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

namespace callcheck::detail {

struct TokenRoles {
  bool ok = false;
  std::vector<std::string> roles;     // the `roles` claim (may be empty when ok)
  std::optional<std::string> tenant;  // the `tid` claim, when it is a string: never printed
  std::string error;                  // why it could not be read; never contains token text
};

[[nodiscard]] auto decode_token_roles(std::string_view token) -> TokenRoles;

// RFC 4648 section 5 (base64url), padding optional; nullopt when malformed.
[[nodiscard]] auto base64url_decode(std::string_view text) -> std::optional<std::string>;

}  // namespace callcheck::detail

#endif  // CALLCHECK_PERMISSIONS_TOKEN_H_
