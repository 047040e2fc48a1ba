// CC228 guest-caller-outside-meeting: a guest identity as the caller of an
// outgoing call; guests are documented only for joining meetings (issue 10).
#ifndef CALLCHECK_RULES_CC228_GUEST_CALLER_OUTSIDE_MEETING_H_
#define CALLCHECK_RULES_CC228_GUEST_CALLER_OUTSIDE_MEETING_H_

#include "rules/rule_support.h"

namespace callcheck::rules {

class GuestCallerOutsideMeeting final : public detail::Rule {
 public:
  [[nodiscard]] auto meta() const -> const RuleMeta & override { return kMeta; }
  [[nodiscard]] auto message_ids() const -> MessageIds override { return detail::message_ids_of(kMessageIds); }

  void check(const detail::RuleContext &context, detail::DiagnosticSink &sink) const override {
    using namespace support;
    const detail::Value &root = context.doc.root();
    // A guest is an object; a string there is CC103.
    if (object_member(object_member(object_member(&root, "source"), "identity"), "guest") == nullptr) return;
    // Joins (any meetingInfo, even a malformed one: the schema reports it)
    // are where guests belong; a body with neither is CC301's.
    if (member(&root, "meetingInfo") != nullptr) return;
    const detail::Value *targets = member(&root, "targets");
    if (targets == nullptr || !targets->IsArray() || targets->Empty()) return;
    sink.report(kGuestCaller, "/source/identity/guest",
                "the caller is a `guest`, but this is an outgoing call, not a meeting join: guest identities are "
                "documented only for joining meetings",
                "place the call as the bot (`source.identity.application`, or `applicationInstance` for PSTN), or "
                "join the meeting as the guest with `meetingInfo` and `chatInfo`",
                true);
  }

 private:
  // clang-format off
  static constexpr RuleMeta kMeta{
      "CC228", "guest-caller-outside-meeting", Severity::Warning, Status::Stable,
      "an outgoing call whose caller is a guest identity",
      R"md(## What it does
Reports a body whose `source.identity` is a `guest` object although the body places an outgoing call (`targets`, no `meetingInfo`).

## Why is this bad?
A guest identity is documented for one thing: a bot joining a meeting anonymously, "as a guest", with the `Calls.JoinGroupCallAsGuest.All` permission (the create-call page's guest-join example; the permissions reference: "join group calls and meetings as a guest"). No documented scenario places a peer-to-peer or group call as a guest, and no permission grants it: `Calls.Initiate.All` and `Calls.InitiateGroupCall.All` let the *application* call. A warning, because no service answer to such a request is on record.

## Example
```json
{ "source": { "identity": { "guest": { "id": "d7a3b999-17ac-4bca-9e77-e6a730d2ec2e", "displayName": "Guest" } } }, "targets": [ { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698" } } } ] }
```

## Use instead
```json
{ "source": { "identity": { "application": { "id": "2891555a-92ff-42e6-80fa-6e1300c6b5c6", "displayName": "Calling Bot" } } }, "targets": [ { "identity": { "user": { "id": "8a34a46b-3d17-4adc-8dce-dc4e7d572698" } } } ] }
```)md"};
  // clang-format on

  static constexpr std::string_view kMessageIds[]{"guest-caller"};
  static constexpr detail::Message kGuestCaller = detail::message(kMeta, kMessageIds, "guest-caller");
};

}  // namespace callcheck::rules

#endif  // CALLCHECK_RULES_CC228_GUEST_CALLER_OUTSIDE_MEETING_H_
