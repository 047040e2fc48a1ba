// Which calls-API request a body is for (issue 12): the catalogue of
// requests, the endpoint of a request line, and the body's shape. The
// decision order (request line, configuration, flag, shape) is decide().
#ifndef CALLCHECK_REQUEST_REQUEST_H_
#define CALLCHECK_REQUEST_REQUEST_H_

#include <cstdint>      // std::uint8_t
#include <optional>     // std::optional
#include <string>       // std::string
#include <string_view>  // std::string_view
#include <vector>       // std::vector

#include "callcheck/check.h"
#include "document/document.h"
#include "finding.h"

namespace callcheck::detail {

// What the action is bound to, i.e. where its segment sits in the URL.
enum class Binding : std::uint8_t {
  Calls,         // /communications/calls[/<segment>]
  Call,          // /communications/calls/{id}/<segment>
  Participants,  // /communications/calls/{id}/participants/<segment>
  Participant,   // /communications/calls/{id}/participants/{id}/<segment>
};

struct RequestDef {
  std::string_view name;     // "create", "answer", "participant-mute": Options::request, the JSON report
  std::string_view segment;  // the URL segment ("" for create)
  Binding binding = Binding::Call;
  bool v1 = true;         // exists in v1.0 (otherwise beta only)
  bool body = true;       // takes parameters (keepAlive, start/stopRecording: none)
  std::string_view page;  // the reference page its constraints and permissions come from
};

// Every request, create first, then by name.
[[nodiscard]] auto all_requests() -> const std::vector<RequestDef> &;
// By name, ignoring case; "invite" and "participants/invite" are accepted for
// participant-invite, "participants/<x>" and "participant/<x>" likewise.
[[nodiscard]] auto find_request(std::string_view name) -> const RequestDef *;
[[nodiscard]] auto create_request() -> const RequestDef &;
// "graph/v1.0/call.schema.json" for create, "graph/<p>/requests/<name>.schema.json" otherwise.
[[nodiscard]] auto schema_path(const RequestDef &request, ApiVersion api) -> std::string;
// The schema root type as validate_schema()/Navigator take it ("call", "requests/answer").
[[nodiscard]] auto schema_root(const RequestDef &request) -> std::string;
[[nodiscard]] auto available(const RequestDef &request, ApiVersion api) -> bool;

// A request line read as a Graph calls-API endpoint.
struct Endpoint {
  const RequestDef *request = nullptr;  // nullptr: a calls URL whose action callcheck does not know
  std::string host;                     // lower case; "" when the line has none (or it is a variable)
  std::string version;                  // "v1.0", "beta", "" (none, or a variable)
  std::string action_segment;           // as written, for messages
  bool legacy_app_path = false;         // /app/calls (CC501's finding)
};
// nullopt: the line is no POST to .../calls (or below it).
[[nodiscard]] auto parse_endpoint(std::string_view request_line) -> std::optional<Endpoint>;

// True for the URL of a calls-API POST: .../calls (create) or anything below
// it (.../calls/{id}/answer, .../participants/invite, unknown actions too,
// which check() then reports as CC251).
[[nodiscard]] auto is_calls_api_url(std::string_view url) -> bool;

// How the request was decided; "request-line", "config", "flag", "shape".
enum class DecidedBy : std::uint8_t { RequestLine, Config, Flag, Shape };
[[nodiscard]] auto to_string(DecidedBy by) -> std::string_view;

struct Decision {
  const RequestDef *request = nullptr;  // nullptr: undecided; nothing request-specific is checked
  DecidedBy decided_by = DecidedBy::Shape;
  std::vector<Finding> findings;  // CC251/CC252/CC253
  bool stop = false;              // check nothing else (undecided, or not a calls-API body)
};

// Decides the request of `doc` (which may have no DOM: then the shape says
// create, as before issue 12).
// `request_line` is the input's (callcheck::Source), "" when unknown.
// The decision when nothing before the body names the request (shape.cc).
[[nodiscard]] auto decide_by_shape(const Document &doc, ApiVersion api) -> Decision;

[[nodiscard]] auto decide(const Document &doc, const Options &options, std::string_view request_line) -> Decision;

}  // namespace callcheck::detail

#endif  // CALLCHECK_REQUEST_REQUEST_H_
