// Which reader a file is for, by content (never by file name): JSON is tried
// against each JSON format in turn; text that is object members without the
// enclosing braces (documentation fragments) is read as that object; anything
// else is scanned. A file none of them understands is CC616, naming what was
// tried, and an input error: an audit without its declarations would say
// "everything is missing".
#include "document/rapidjson_adapter.h"

#include <fmt/format.h>

#include "audit/app_file.h"
#include "document/document.h"
#include "catalog/cc616_unrecognised_app_file.h"

namespace callcheck::detail {
namespace {

constexpr std::string_view kTried =
    "Teams app manifest, terraform show -json, .tf.json, ARM template (Microsoft.Graph/applications), Entra or "
    "Graph application JSON (requiredResourceAccess), script or HCL (permission GUIDs and names)";

// Declarations can be large (a Terraform plan holds every resource of a
// stack); still bounded, as every input is.
auto app_limits() -> Limits {
  Limits l;
  l.max_bytes = std::size_t{16} << 20U;
  l.max_depth = 128;
  l.max_string_bytes = std::size_t{1} << 20U;
  l.max_members = 100000;
  l.max_elements = 1000000;
  return l;
}

auto read_json(const Document &doc) -> std::optional<AppFile> {
  if (auto f = read_teams_manifest(doc)) return f;
  if (auto f = read_terraform_json(doc)) return f;
  if (auto f = read_arm_template(doc)) return f;
  if (auto f = read_entra_manifest(doc)) return f;
  return std::nullopt;
}

void shift_up(Span &s) {
  for (Position *p : {&s.begin, &s.end}) {
    if (p->line > 1) --p->line;
  }
}

// `"webApplicationInfo": {…}, "authorization": {…}` as documentation shows it.
auto members_without_braces(std::string_view text) -> bool {
  std::size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) != 0) ++i;
  return i < text.size() && text[i] == '"';
}

auto unrecognised(std::string_view text, const std::string &source, std::string why, Span where) -> AppFile {
  AppFile out;
  out.source = source;
  out.text = std::string(text);
  out.format = "unrecognised";
  out.method = ReadMethod::Scanned;
  out.input_error = true;
  out.findings.push_back(AppFinding{
      &catalog::kUnrecognisedAppFile,
      fmt::format("`{}` is in none of the formats that declare permissions{}; tried: {}", source, why, kTried),
      "name the file that declares the app's permissions (the Entra manifest, the Teams manifest, the Terraform or "
      "deployment script), or `terraform show -json` output",
      where, "", std::nullopt});
  return out;
}

}  // namespace

auto to_string(ReadMethod method) -> std::string_view { return method == ReadMethod::Parsed ? "parsed" : "scanned"; }

auto read_app_file(std::string_view text, const std::string &source) -> AppFile {
  const Span start{Position{1, 1}, Position{1, 1}};
  const Document doc = Document::parse(text, app_limits());
  if (doc.has_dom()) {
    std::optional<AppFile> f = read_json(doc);
    if (!f) return unrecognised(text, source, " (JSON, but not one of the JSON shapes)", start);
    f->source = source;
    f->text = std::string(text);
    return std::move(*f);
  }
  if (members_without_braces(text)) {
    const std::string wrapped = "{\n" + std::string(text) + "\n}";
    const Document fragment = Document::parse(wrapped, app_limits());
    if (fragment.has_dom()) {
      if (std::optional<AppFile> f = read_json(fragment)) {
        f->source = source;
        f->text = std::string(text);
        f->note = f->note.empty() ? "object members without the enclosing braces"
                                  : "object members without the enclosing braces; " + f->note;
        for (RawPermission &p : f->permissions) {
          shift_up(p.span);
          shift_up(p.label_span);
        }
        for (AppFinding &finding : f->findings) shift_up(finding.span);
        shift_up(f->anchor);
        shift_up(f->app_id_span);
        if (f->teams) {
          shift_up(f->teams->bots_span);
          shift_up(f->teams->web_app_span);
        }
        return std::move(*f);
      }
    }
  }
  const bool looks_json = [&] {
    std::size_t i = 0;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) != 0) ++i;
    return i < text.size() && (text[i] == '{' || text[i] == '[');
  }();
  if (looks_json) {
    // A broken JSON manifest is not scanned: what it declares depends on
    // where the syntax error is.
    Span where = start;
    std::string why = " (it starts like JSON but does not parse)";
    if (!doc.findings().empty()) {
      const ParseFinding &f = doc.findings().front();
      where = doc.span_of_bytes(f.begin, f.end);
      why = fmt::format(" (it starts like JSON but does not parse: {})", f.message);
    }
    return unrecognised(text, source, why, where);
  }
  if (std::optional<AppFile> f = scan_app_text(text)) {
    f->source = source;
    f->text = std::string(text);
    return std::move(*f);
  }
  return unrecognised(text, source, " (no permission GUID or name found in it)", start);
}

}  // namespace callcheck::detail
