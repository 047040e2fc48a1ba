// CC220 routing-policies-not-peer-to-peer: routingPolicies apply to P2P
// calls only (beta call.md, GRAPH.md 3.2).
#ifndef CALLCHECK_RULES_CC220_ROUTING_POLICIES_NOT_PEER_TO_PEER_H_
#define CALLCHECK_RULES_CC220_ROUTING_POLICIES_NOT_PEER_TO_PEER_H_

#include "rules/rule_support.h"

#include <fmt/format.h>

namespace callcheck::rules {

class RoutingPoliciesNotPeerToPeer final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    const detail::Value *policies = member(&context.doc.root(), "routingPolicies");
    if (policies == nullptr || !policies->IsArray()) return;
    // Only "none" entries ask for nothing.
    bool asks = false;
    for (const detail::Value &p : policies->GetArray()) asks = asks || !(p.IsString() && sv(p) == "none");
    if (!asks) return;
    const CallKind kind = context.scenario.kind;
    if (kind == CallKind::PeerToPeer || kind == CallKind::PeerToPeerPstn) return;
    sink.report(kNotPeerToPeer, "/routingPolicies",
                fmt::format("`routingPolicies` applies to peer-to-peer calls, but this body is `{}`", to_string(kind)),
                "remove `routingPolicies`, or make the call peer-to-peer (exactly one target)", true);
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC220", "routing-policies-not-peer-to-peer", Severity::Error, Status::Stable,
      "`routingPolicies` on a call that is not peer-to-peer",
      R"md(## What it does
Reports a `routingPolicies` list (beta) with any policy other than `none` when the recognised scenario is not a peer-to-peer call (exactly one target, no meeting info).

## Why is this bad?
The beta call resource documents routing policies (no missed call, no forwarding, ...) for peer-to-peer calls only; on group calls and meeting joins there is no single callee to route.

## Example
```json
{ "targets": [ { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698" } } }, { "identity": { "user": { "id": "bf5aae9a-d11d-47a8-93b1-782504c95555" } } } ], "routingPolicies": [ "disableForwarding" ] }
```

## Use instead
```json
{ "targets": [ { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698" } } } ], "routingPolicies": [ "disableForwarding" ] }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"not-peer-to-peer"};
  static constexpr detail::Message kNotPeerToPeer = detail::message(kMeta, kMessageIds, "not-peer-to-peer");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC220_ROUTING_POLICIES_NOT_PEER_TO_PEER_H_
