// CC248 token-tenant-mismatch: the call's tenantId is not the tenant of the
// caller's access token (`tid`).
#ifndef CALLCHECK_RULES_CC248_TOKEN_TENANT_MISMATCH_H_
#define CALLCHECK_RULES_CC248_TOKEN_TENANT_MISMATCH_H_

#include "rules/join_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class TokenTenantMismatch final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    if (!context.token_tenant) return;
    const auto call = join::guid_at(context, join::kCallTenant);
    if (!call || join::same_id(*call, *context.token_tenant)) return;
    // The token's own tenant is never printed (README: tokens are never echoed).
    sink.report(
        kTokenTenant, std::string(join::kCallTenant),
        fmt::format("the call's `tenantId` `{}` is not the tenant of the access token (its `tid` claim)", *call),
        fmt::format("request the token from https://login.microsoftonline.com/{}/oauth2/v2.0/token, or "
                    "create the call in the token's tenant",
                    *call));
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC248", "token-tenant-mismatch", Severity::Error, Status::Stable,
      "the call's `tenantId` is not the tenant of the access token",
      R"md(## What it does
With an access token (`--token`, `Options::token_tenant`), compares the token's `tid` claim with the call's `tenantId` (without regard to case). The token is decoded, never verified, and its tenant never appears in the output.

## Why is this bad?
The service authorizes the request in the token's tenant and refuses a call that names another one: 403 with 7505 "Mismatch between request authorization tenant and call tenant" (microsoft-graph-comms-samples#171; OfficeDev/Microsoft-Teams-Samples#1036, "Request authorization tenant mismatch", with the app registered in one tenant and Teams in another). Microsoft's samples avoid it by requesting the token for the tenant they put in the body.

## Example
A body checked with a token issued by tenant `97009a52-97e9-4290-8f2c-a8ac8925d978`:
```json
{ "callbackUri": "https://bot.contoso.com/callback", "tenantId": "aa67bd4c-8475-432d-bd41-39f255720e0a" }
```

## Use instead
A token from `https://login.microsoftonline.com/aa67bd4c-8475-432d-bd41-39f255720e0a/oauth2/v2.0/token`, or the call in the token's tenant:
```json
{ "callbackUri": "https://bot.contoso.com/callback", "tenantId": "97009a52-97e9-4290-8f2c-a8ac8925d978" }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"token-tenant-mismatch"};
  static constexpr detail::Message kTokenTenant = detail::message(kMeta, kMessageIds, "token-tenant-mismatch");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC248_TOKEN_TENANT_MISMATCH_H_
