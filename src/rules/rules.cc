// THE list of rules, in code order. Adding a rule: one #include and one
// entry here, both sorted (tests/rules/catalog_test.cc enforces it).
#include "rules/rule.h"

#include "rules/cc001_invalid_json.h"
#include "rules/cc002_duplicate_key.h"
#include "rules/cc003_invalid_encoding.h"
#include "rules/cc004_limit_exceeded.h"
#include "rules/cc005_nul_character.h"
#include "rules/cc006_byte_order_mark.h"
#include "rules/cc007_number_out_of_range.h"
#include "rules/cc008_number_precision_loss.h"
#include "rules/cc010_unreadable_input.h"
#include "rules/cc100_schema_violation.h"
#include "rules/cc101_missing_required_property.h"
#include "rules/cc102_unknown_property.h"
#include "rules/cc103_type_mismatch.h"
#include "rules/cc104_enum_mismatch.h"
#include "rules/cc105_unknown_odata_type.h"
#include "rules/cc106_value_out_of_range.h"
#include "rules/cc107_array_size.h"
#include "rules/cc108_string_length.h"
#include "rules/cc109_validator_internal_error.h"
#include "rules/cc201_undeclared_property.h"
#include "rules/cc202_callback_uri_not_https.h"
#include "rules/cc203_read_only_property.h"
#include "rules/cc204_documentation_placeholder.h"
#include "rules/cc205_malformed_guid.h"
#include "rules/cc206_phone_not_e164.h"
#include "rules/cc207_odata_type_missing_hash.h"
#include "rules/cc208_odata_type_wrong_slot.h"
#include "rules/cc209_beta_only_property.h"
#include "rules/cc210_too_many_group_targets.h"
#include "rules/cc211_duplicate_target.h"
#include "rules/cc212_meeting_without_chat_info.h"
#include "rules/cc213_chat_info_with_meeting_id.h"
#include "rules/cc214_pstn_without_application_instance.h"
#include "rules/cc215_guest_without_display_name.h"
#include "rules/cc216_legacy_guest_identity.h"
#include "rules/cc217_prompt_not_https_wav.h"
#include "rules/cc218_duplicate_prompt_resource_id.h"
#include "rules/cc219_ringing_timeout_too_long.h"
#include "rules/cc220_routing_policies_not_peer_to_peer.h"
#include "rules/cc221_duplicate_modality.h"
#include "rules/cc222_app_hosted_without_blob.h"
#include "rules/cc223_invalid_thread_id.h"
#include "rules/cc224_meeting_tenant_not_found.h"
#include "rules/cc225_empty_identity_set.h"
#include "rules/cc226_application_target.h"
#include "rules/cc227_application_instance_target.h"
#include "rules/cc228_guest_caller_outside_meeting.h"
#include "rules/cc229_wrapped_body.h"
#include "rules/cc240_join_url_unusable.h"
#include "rules/cc241_join_url_thread_mismatch.h"
#include "rules/cc242_join_url_message_mismatch.h"
#include "rules/cc243_join_url_organizer_mismatch.h"
#include "rules/cc244_join_url_tenant_mismatch.h"
#include "rules/cc245_join_url_meeting_id_mismatch.h"
#include "rules/cc246_join_url_not_comparable.h"
#include "rules/cc247_tenant_id_mismatch.h"
#include "rules/cc248_token_tenant_mismatch.h"
#include "rules/cc249_cross_tenant_join.h"
#include "rules/cc250_parameter_not_in_metadata.h"
#include "rules/cc251_request_undecided.h"
#include "rules/cc252_not_a_calls_request.h"
#include "rules/cc253_endpoint_mismatch.h"
#include "rules/cc254_redirect_timeout_out_of_range.h"
#include "rules/cc255_too_many_redirect_targets.h"
#include "rules/cc256_too_many_prompts.h"
#include "rules/cc257_record_response_limit.h"
#include "rules/cc258_client_context_too_long.h"
#include "rules/cc301_ambiguous_scenario.h"
#include "rules/cc302_missing_scope.h"
#include "rules/cc303_scope_alias.h"
#include "rules/cc304_unknown_scope.h"
#include "rules/cc401_invalid_config.h"
#include "rules/cc402_unused_suppression.h"
#include "rules/cc403_stale_baseline_entry.h"
#include "rules/cc501_deprecated_endpoint.h"
#include "rules/cc502_non_request_block.h"
#include "rules/cc503_no_request_found.h"
#include "rules/cc601_missing_permission.h"
#include "rules/cc602_excess_permission.h"
#include "rules/cc603_delegated_permission_as_role.h"
#include "rules/cc604_application_permission_as_scope.h"
#include "rules/cc605_unknown_permission_id.h"
#include "rules/cc606_permission_id_name_mismatch.h"
#include "rules/cc607_unknown_permission_name.h"
#include "rules/cc608_rsc_permission_in_app_registration.h"
#include "rules/cc609_tenant_permission_in_teams_manifest.h"
#include "rules/cc610_calling_not_enabled.h"
#include "rules/cc611_join_could_use_rsc.h"
#include "rules/cc612_unresolved_permission_reference.h"
#include "rules/cc613_permission_under_other_resource.h"
#include "rules/cc614_teams_app_id_mismatch.h"
#include "rules/cc615_payload_not_audited.h"
#include "rules/cc616_unrecognised_app_file.h"

namespace callcheck::detail {

auto builtin_rules() -> const std::vector<const Rule *> & {
  static const rules::InvalidJson cc001;
  static const rules::DuplicateKey cc002;
  static const rules::InvalidEncoding cc003;
  static const rules::LimitExceeded cc004;
  static const rules::NulCharacter cc005;
  static const rules::ByteOrderMark cc006;
  static const rules::NumberOutOfRange cc007;
  static const rules::NumberPrecisionLoss cc008;
  static const rules::UnreadableInput cc010;
  static const rules::SchemaViolation cc100;
  static const rules::MissingRequiredProperty cc101;
  static const rules::UnknownProperty cc102;
  static const rules::TypeMismatch cc103;
  static const rules::EnumMismatch cc104;
  static const rules::UnknownOdataType cc105;
  static const rules::ValueOutOfRange cc106;
  static const rules::ArraySize cc107;
  static const rules::StringLength cc108;
  static const rules::ValidatorInternalError cc109;
  static const rules::UndeclaredProperty cc201;
  static const rules::CallbackUriNotHttps cc202;
  static const rules::ReadOnlyProperty cc203;
  static const rules::DocumentationPlaceholder cc204;
  static const rules::MalformedGuid cc205;
  static const rules::PhoneNotE164 cc206;
  static const rules::OdataTypeMissingHash cc207;
  static const rules::OdataTypeWrongSlot cc208;
  static const rules::BetaOnlyProperty cc209;
  static const rules::TooManyGroupTargets cc210;
  static const rules::DuplicateTarget cc211;
  static const rules::MeetingWithoutChatInfo cc212;
  static const rules::ChatInfoWithMeetingId cc213;
  static const rules::PstnWithoutApplicationInstance cc214;
  static const rules::GuestWithoutDisplayName cc215;
  static const rules::LegacyGuestIdentity cc216;
  static const rules::PromptNotHttpsWav cc217;
  static const rules::DuplicatePromptResourceId cc218;
  static const rules::RingingTimeoutTooLong cc219;
  static const rules::RoutingPoliciesNotPeerToPeer cc220;
  static const rules::DuplicateModality cc221;
  static const rules::AppHostedWithoutBlob cc222;
  static const rules::InvalidThreadId cc223;
  static const rules::MeetingTenantNotFound cc224;
  static const rules::EmptyIdentitySet cc225;
  static const rules::ApplicationTarget cc226;
  static const rules::ApplicationInstanceTarget cc227;
  static const rules::GuestCallerOutsideMeeting cc228;
  static const rules::WrappedBody cc229;
  static const rules::JoinUrlUnusable cc240;
  static const rules::JoinUrlThreadMismatch cc241;
  static const rules::JoinUrlMessageMismatch cc242;
  static const rules::JoinUrlOrganizerMismatch cc243;
  static const rules::JoinUrlTenantMismatch cc244;
  static const rules::JoinUrlMeetingIdMismatch cc245;
  static const rules::JoinUrlNotComparable cc246;
  static const rules::TenantIdMismatch cc247;
  static const rules::TokenTenantMismatch cc248;
  static const rules::CrossTenantJoin cc249;
  static const rules::ParameterNotInMetadata cc250;
  static const rules::RequestUndecided cc251;
  static const rules::NotACallsRequest cc252;
  static const rules::EndpointMismatch cc253;
  static const rules::RedirectTimeoutOutOfRange cc254;
  static const rules::TooManyRedirectTargets cc255;
  static const rules::TooManyPrompts cc256;
  static const rules::RecordResponseLimit cc257;
  static const rules::ClientContextTooLong cc258;
  static const rules::AmbiguousScenario cc301;
  static const rules::MissingScope cc302;
  static const rules::ScopeAlias cc303;
  static const rules::UnknownScope cc304;
  static const rules::InvalidConfig cc401;
  static const rules::UnusedSuppression cc402;
  static const rules::StaleBaselineEntry cc403;
  static const rules::DeprecatedEndpoint cc501;
  static const rules::NonRequestBlock cc502;
  static const rules::NoRequestFound cc503;
  static const rules::MissingPermission cc601;
  static const rules::ExcessPermission cc602;
  static const rules::DelegatedPermissionAsRole cc603;
  static const rules::ApplicationPermissionAsScope cc604;
  static const rules::UnknownPermissionId cc605;
  static const rules::PermissionIdNameMismatch cc606;
  static const rules::UnknownPermissionName cc607;
  static const rules::RscPermissionInAppRegistration cc608;
  static const rules::TenantPermissionInTeamsManifest cc609;
  static const rules::CallingNotEnabled cc610;
  static const rules::JoinCouldUseRsc cc611;
  static const rules::UnresolvedPermissionReference cc612;
  static const rules::PermissionUnderOtherResource cc613;
  static const rules::TeamsAppIdMismatch cc614;
  static const rules::PayloadNotAudited cc615;
  static const rules::UnrecognisedAppFile cc616;
  static const std::vector<const Rule *> list{
      &cc001, &cc002, &cc003, &cc004, &cc005, &cc006, &cc007, &cc008, &cc010, &cc100,
      &cc101, &cc102, &cc103, &cc104, &cc105, &cc106, &cc107, &cc108, &cc109, &cc201, &cc202, &cc203, &cc204, &cc205, &cc206, &cc207, &cc208, &cc209, &cc210, &cc211, &cc212, &cc213, &cc214, &cc215, &cc216, &cc217, &cc218, &cc219, &cc220, &cc221, &cc222, &cc223, &cc224, &cc225, &cc226, &cc227, &cc228, &cc229, &cc240, &cc241, &cc242, &cc243, &cc244, &cc245, &cc246, &cc247, &cc248, &cc249, &cc250, &cc251, &cc252, &cc253, &cc254, &cc255, &cc256, &cc257, &cc258, &cc301, &cc302, &cc303, &cc304, &cc401, &cc402, &cc403, &cc501, &cc502, &cc503,
      &cc601, &cc602, &cc603, &cc604, &cc605, &cc606, &cc607, &cc608, &cc609, &cc610, &cc611, &cc612, &cc613, &cc614, &cc615, &cc616,
  };
  return list;
}

}  // namespace callcheck::detail
