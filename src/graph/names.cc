#include "graph/names.h"

#include <cstring>   // std::memcmp
#include <iterator>  // std::begin, std::end

#include "graph/name_set.h"

namespace callcheck::graph {

auto type_name(std::string_view odata_type) -> std::string_view {
  if (!odata_type.empty() && odata_type.front() == '#') odata_type.remove_prefix(1);
  // memcmp on the constant length: a few compares, where string_view's !=
  // called compare() for every @odata.type of a payload (issue 14).
  if (odata_type.size() < kNamespace.size() ||
      std::memcmp(odata_type.data(), kNamespace.data(), kNamespace.size()) != 0) {
    return {};
  }
  return odata_type.substr(kNamespace.size());
}

auto unqualified(std::string_view odata_type) -> std::string_view {
  const std::string_view name = type_name(odata_type);
  if (!name.empty()) return name;
  if (!odata_type.empty() && odata_type.front() == '#') odata_type.remove_prefix(1);
  return odata_type;
}

namespace {

constexpr std::string_view kKnownTypes[] = {
    "call", "entity", "callOptions", "outgoingCallOptions", "incomingCallOptions", "mediaConfig",
    "serviceHostedMediaConfig", "appHostedMediaConfig", "mediaInfo", "liveCaptionOptions", "meetingInfo",
    "organizerMeetingInfo", "tokenMeetingInfo", "joinMeetingIdMeetingInfo", "chatInfo", "participantInfo",
    "invitationParticipantInfo", "identitySet", "communicationsIdentitySet", "identity", "communicationsUserIdentity",
    "communicationsApplicationIdentity", "communicationsApplicationInstanceIdentity", "communicationsPhoneIdentity",
    "communicationsGuestIdentity", "communicationsEncryptedIdentity", "azureCommunicationServicesUserIdentity",
    "callRoute", "resultInfo", "toneInfo", "callMediaState", "callTranscriptionInfo", "incomingContext",
    "meetingCapability", "commsNotification", "commsNotifications",
    // mid-call request parameters (issue 12)
    "prompt", "mediaPrompt", "teleconferenceDeviceQuality", "teleconferenceDeviceMediaQuality",
    "teleconferenceDeviceAudioQuality", "teleconferenceDeviceVideoQuality", "teleconferenceDeviceScreenSharingQuality"};

}  // namespace

auto known_types() -> const std::vector<std::string_view> & {
  static const std::vector<std::string_view> names(std::begin(kKnownTypes), std::end(kKnownTypes));
  return names;
}

auto is_known_type(std::string_view name) -> bool {
  static constexpr NameSet kNames(kKnownTypes);
  return kNames.contains(name);
}

auto is_identity_set_type(std::string_view type) -> bool {
  return (type.size() == 11 && std::memcmp(type.data(), "identitySet", 11) == 0) ||
         (type.size() == 25 && std::memcmp(type.data(), "communicationsIdentitySet", 25) == 0);
}

auto is_identity_set_key(std::string_view key) -> bool {
  for (std::string_view k : {"user", "application", "device", "applicationInstance", "phone", "guest", "encrypted",
                             "onPremises", "azureCommunicationServicesUser", "assertedIdentity", "endpointType"}) {
    if (k == key) return true;
  }
  return false;
}

auto is_identity_kind(std::string_view key) -> bool { return key != "endpointType" && is_identity_set_key(key); }

}  // namespace callcheck::graph
