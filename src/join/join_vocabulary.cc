// The words of callcheck/join.h: link shapes, clouds and their Graph hosts,
// and each refusal's message and help (one switch each).
#include <callcheck/join.h>

#include <string_view>  // std::string_view

namespace callcheck {

auto to_string(JoinLinkShape shape) -> std::string_view {
  switch (shape) {
    case JoinLinkShape::MeetupJoin: return "meetup-join";
    case JoinLinkShape::MeetupJoinHash: return "meetup-join-hash";
    case JoinLinkShape::MeetId: return "meet";
    case JoinLinkShape::MeetIdHash: return "meet-hash";
  }
  return "meetup-join";
}

auto to_string(TeamsCloud cloud) -> std::string_view {
  switch (cloud) {
    case TeamsCloud::Global: return "global";
    case TeamsCloud::UsGovGccHigh: return "usgov-gcchigh";
    case TeamsCloud::UsGovDod: return "usgov-dod";
  }
  return "global";
}

auto graph_host(TeamsCloud cloud) -> std::string_view {
  // National cloud deployments: learn.microsoft.com/graph/deployments.
  switch (cloud) {
    case TeamsCloud::Global: return "graph.microsoft.com";
    case TeamsCloud::UsGovGccHigh: return "graph.microsoft.us";
    case TeamsCloud::UsGovDod: return "dod-graph.microsoft.us";
  }
  return "graph.microsoft.com";
}

auto to_string(JoinUrlError error) -> std::string_view {
  switch (error) {
    case JoinUrlError::Empty: return "the join link is empty";
    case JoinUrlError::TooLong: return "the join link is longer than 16 KiB";
    case JoinUrlError::InvalidCharacter:
      return "the join link contains a blank, control or non-ASCII character (raw or percent-encoded)";
    case JoinUrlError::NotHttps: return "the join link is not an https:// URL";
    case JoinUrlError::MalformedUrl:
      return "the join link's host part is malformed (user info, a port other than 443, or no host)";
    case JoinUrlError::MalformedPercentEncoding:
      return "the join link has a '%' that is not followed by two hex digits";
    case JoinUrlError::ConsumerLink:
      return "teams.live.com links are Teams meetings of personal Microsoft accounts, which a Graph calling bot cannot "
             "join";
    case JoinUrlError::UnsupportedCloud:
      return "teams.microsoftonline.cn links are meetings in Microsoft 365 operated by 21Vianet, where the Graph calls "
             "API is not available";
    case JoinUrlError::UnknownHost: return "the join link's host is not a Teams meeting host";
    case JoinUrlError::UnknownShape: return "the join link is not a meeting join link (/l/meetup-join/… or /meet/…)";
    case JoinUrlError::NestedWrapper: return "the Safe Links or launcher URL does not wrap a Teams join link";
    case JoinUrlError::DuplicateParameter: return "the join link repeats a parameter (context, p or url)";
    case JoinUrlError::MissingContext:
      return "the join link has no context parameter, so it names neither the organizer nor the tenant";
    case JoinUrlError::ContextNotJson: return "the join link's context parameter is not a JSON object";
    case JoinUrlError::MissingTenant: return "the join link's context has no Tid (the organizer's tenant)";
    case JoinUrlError::MissingOrganizer: return "the join link's context has no Oid (the organizer's user id)";
    case JoinUrlError::InvalidTenantId: return "the join link's Tid is not a GUID";
    case JoinUrlError::InvalidOrganizerId: return "the join link's Oid is not a GUID";
    case JoinUrlError::InvalidThreadId: return "the join link's thread id is not a Teams thread id (19:…@thread.v2)";
    case JoinUrlError::InvalidMessageId: return "the join link's message id is not a number";
    case JoinUrlError::InvalidMeetingId: return "the short link's meeting id is not 6 to 20 digits";
    case JoinUrlError::InvalidPasscode: return "the short link's passcode (p=) is empty, too long or not printable";
  }
  return "the join link cannot be read";
}

auto join_url_help(JoinUrlError error) -> std::string_view {
  switch (error) {
    case JoinUrlError::Empty:
    case JoinUrlError::TooLong:
    case JoinUrlError::InvalidCharacter:
    case JoinUrlError::MalformedPercentEncoding:
    case JoinUrlError::DuplicateParameter: return "copy the link again from the meeting invitation, as one line";
    case JoinUrlError::NotHttps:
      return "use the https://teams.microsoft.com/… form of the link (msteams: links open the app)";
    case JoinUrlError::MalformedUrl:
    case JoinUrlError::UnknownHost:
      return "use the link of the meeting invitation: teams.microsoft.com, teams.cloud.microsoft, "
             "gov.teams.microsoft.us or dod.teams.microsoft.us";
    case JoinUrlError::ConsumerLink:
      return "a Graph bot joins meetings organized with a work or school account (microsoft-graph-comms-samples#805)";
    case JoinUrlError::UnsupportedCloud:
      return "the create-call API is available in the global and US Government clouds only";
    case JoinUrlError::UnknownShape:
    case JoinUrlError::NestedWrapper:
      return "paste the meeting's join link itself (Join the meeting now), not a chat, channel or calendar link";
    case JoinUrlError::MissingContext:
    case JoinUrlError::ContextNotJson:
    case JoinUrlError::MissingTenant:
    case JoinUrlError::MissingOrganizer:
    case JoinUrlError::InvalidTenantId:
    case JoinUrlError::InvalidOrganizerId:
      return "copy the whole link including ?context=…, or read chatInfo and the organizer from GET "
             "/users/{id}/onlineMeetings?$filter=JoinWebUrl eq '…'";
    case JoinUrlError::InvalidThreadId:
    case JoinUrlError::InvalidMessageId:
      return "the path must be /l/meetup-join/19%3a…%40thread.v2/0 as in the invitation";
    case JoinUrlError::InvalidMeetingId:
    case JoinUrlError::InvalidPasscode:
      return "use the link of the invitation, https://teams.microsoft.com/meet/<digits>?p=<passcode>";
  }
  return "copy the link again from the meeting invitation";
}

}  // namespace callcheck
