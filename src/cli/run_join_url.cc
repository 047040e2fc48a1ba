// `callcheck join-url URL`: the create-call body that joins the link's
// meeting on stdout (so it pipes into `callcheck check -`), one note per
// placeholder left on stderr; `--format json` gives {body, facts}. A link or
// flag that cannot be used is one line on stderr and exit 2.
#include "document/rapidjson_adapter.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <fmt/format.h>

#include "callcheck/callcheck.h"
#include "cli/commands.h"
#include "cli/exit_code.h"

namespace callcheck::cli {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

// The flag that fills each placeholder body_for_join_url can leave.
auto flag_for(std::string_view pointer) -> std::string_view {
  if (pointer == "/callbackUri") return "; pass --callback-uri URI";
  if (pointer == "/tenantId") return "; pass --tenant GUID";
  return "";
}

void optional_member(Writer &w, const char *key, const std::optional<std::string> &value) {
  w.Key(key);
  if (value) {
    w.String(value->data(), static_cast<rapidjson::SizeType>(value->size()));
  } else {
    w.Null();
  }
}

// The facts as read from the link; every string in them is printable ASCII.
auto facts_json(const JoinUrlFacts &f) -> std::string {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("shape");
  w.String(std::string(to_string(f.shape)).c_str());
  w.Key("host");
  w.String(f.host.c_str());
  w.Key("cloud");
  w.String(std::string(to_string(f.cloud)).c_str());
  w.Key("from_safe_links");
  w.Bool(f.from_safe_links);
  w.Key("from_launcher");
  w.Bool(f.from_launcher);
  optional_member(w, "thread_id", f.thread_id);
  optional_member(w, "message_id", f.message_id);
  optional_member(w, "reply_chain_message_id", f.reply_chain_message_id);
  optional_member(w, "organizer_id", f.organizer_id);
  optional_member(w, "tenant_id", f.tenant_id);
  w.Key("broadcast");
  w.Bool(f.broadcast);
  optional_member(w, "join_meeting_id", f.join_meeting_id);
  optional_member(w, "passcode", f.passcode);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

// `json` (pretty-printed, no trailing newline) as the value of a member one
// level deep: every line after the first moves two columns right.
auto nested(std::string_view json) -> std::string {
  std::string out;
  for (const char c : json) {
    out.push_back(c);
    if (c == '\n') out += "  ";
  }
  return out;
}

}  // namespace

auto run_join_url(const JoinUrlArgs &args, Out &out, Out &err) -> int {
  const JoinUrlResult link = parse_join_url(args.url);
  if (!link) {
    // The link is not echoed: it may carry a passcode.
    err << fmt::format("callcheck: join-url: {}; {}\n", to_string(link.error()), join_url_help(link.error()));
    return kFailure;
  }
  JoinBodyOptions options;
  options.api = *parse_api_version(args.api);
  if (!args.callback_uri.empty()) options.callback_uri = args.callback_uri;
  if (!args.tenant.empty()) options.tenant = args.tenant;
  options.media = args.media == "app" ? JoinMedia::AppHosted : JoinMedia::ServiceHosted;
  const JoinBodyResult body = body_for_join_url(*link, options);
  if (!body) {
    const std::string_view flag = body.error() == JoinBodyError::InvalidCallbackUri ? "--callback-uri" : "--tenant";
    err << fmt::format("callcheck: join-url: {}: {}\n", flag, to_string(body.error()));
    return kFailure;
  }
  if (args.format == "json") {
    std::string text = body->text;
    while (!text.empty() && text.back() == '\n') text.pop_back();
    out << "{\n  \"body\": " << nested(text) << ",\n  \"facts\": " << nested(facts_json(*link)) << "\n}\n";
  } else {
    out << body->text;
  }
  out.flush();
  for (const JoinPlaceholder &p : body->placeholders) {
    err << fmt::format("callcheck: note: {} is a placeholder: {}{}\n", p.pointer, p.what, flag_for(p.pointer));
  }
  for (const std::string &note : body->notes) err << fmt::format("callcheck: note: {}\n", note);
  return kClean;
}

}  // namespace callcheck::cli
