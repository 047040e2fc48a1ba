// The Teams app manifest (manifest.json): whether the bot is a calling bot
// (`bots[].supportsCalling`), the Entra app it stands for
// (`webApplicationInfo.id`), and the resource-specific consent (RSC)
// permissions it asks for: `authorization.permissions.resourceSpecific[{name,
// type}]` (manifest 1.12 and later) or `webApplicationInfo.applicationPermissions`
// (1.11 and earlier). Sources: learn.microsoft.com/microsoftteams/platform/
// resources/schema/manifest-schema, graph-api/rsc/grant-resource-specific-consent,
// bots/calls-and-meetings/registering-calling-bot.
#include "audit/resource_access.h"

#include <fmt/format.h>

#include "document/pointer.h"
#include "catalog/cc612_unresolved_permission_reference.h"

namespace callcheck::detail {
namespace {

auto contains_teams_schema(std::string_view schema) -> bool {
  return schema.find("MicrosoftTeams.schema") != std::string_view::npos ||
         schema.find("teams/v1.") != std::string_view::npos;
}

void add_rsc(const Document &doc, const std::string &pointer, std::string name, std::string type, AppFile &out) {
  RawPermission p;
  p.name = std::move(name);
  p.type_text = std::move(type);
  p.type = p.type_text == "Delegated" ? DeclaredType::RscDelegated : DeclaredType::RscApplication;
  p.pointer = pointer;
  p.span = doc.span(pointer);
  out.permissions.push_back(std::move(p));
}

}  // namespace

auto read_teams_manifest(const Document &doc) -> std::optional<AppFile> {
  const Value &root = doc.root();
  if (!root.IsObject()) return std::nullopt;
  const Value *bots = member(root, "bots");
  const Value *web = member(root, "webApplicationInfo");
  const Value *authorization = member(root, "authorization");
  const Value *permissions = authorization != nullptr ? member(*authorization, "permissions") : nullptr;
  const Value *rsc = permissions != nullptr ? member(*permissions, "resourceSpecific") : nullptr;
  const bool teams = member(root, "manifestVersion") != nullptr ||
                     contains_teams_schema(string_member(root, "$schema")) || (bots != nullptr && bots->IsArray()) ||
                     (web != nullptr && web->IsObject()) || (rsc != nullptr && rsc->IsArray());
  if (!teams || member(root, "requiredResourceAccess") != nullptr) return std::nullopt;

  AppFile out;
  out.format = "teams-manifest";
  out.method = ReadMethod::Parsed;
  TeamsApp app;
  app.complete = member(root, "manifestVersion") != nullptr;
  app.bots_pointer = "";
  app.bots_span = doc.span("");
  if (bots != nullptr && bots->IsArray()) {
    app.bots_pointer = "/bots";
    app.bots_span = doc.span("/bots", true);
    for (rapidjson::SizeType i = 0; i < bots->Size(); ++i) {
      const Value &bot = (*bots)[i];
      if (!bot.IsObject()) continue;
      if (!app.has_bots) {
        app.has_bots = true;
        app.bots_pointer = "/bots/" + std::to_string(i);
        app.bots_span = doc.span(app.bots_pointer);
      }
      if (const Value *calling = member(bot, "supportsCalling");
          calling != nullptr && calling->IsBool() && calling->GetBool()) {
        app.supports_calling = true;
      }
    }
  }
  out.anchor = doc.span("");
  if (web != nullptr && web->IsObject()) {
    app.web_app_id = string_member(*web, "id");
    app.web_app_pointer = "/webApplicationInfo/id";
    app.web_app_span = doc.span(app.web_app_pointer);
    out.anchor_pointer = "/webApplicationInfo";
    out.anchor = doc.span(out.anchor_pointer, true);
    if (const Value *legacy = member(*web, "applicationPermissions"); legacy != nullptr && legacy->IsArray()) {
      out.note = "RSC in webApplicationInfo.applicationPermissions (manifest 1.11 and earlier)";
      for (rapidjson::SizeType i = 0; i < legacy->Size(); ++i) {
        if (!(*legacy)[i].IsString()) continue;
        add_rsc(doc, "/webApplicationInfo/applicationPermissions/" + std::to_string(i), std::string(view((*legacy)[i])),
                "Application", out);
      }
    }
  }
  if (rsc != nullptr && rsc->IsArray()) {
    out.anchor_pointer = "/authorization/permissions/resourceSpecific";
    out.anchor = doc.span(out.anchor_pointer, true);
    for (rapidjson::SizeType i = 0; i < rsc->Size(); ++i) {
      const Value &entry = (*rsc)[i];
      const std::string at = "/authorization/permissions/resourceSpecific/" + std::to_string(i);
      const std::string name = string_member(entry, "name");
      if (name.empty()) {
        out.findings.push_back(json_finding(doc, catalog::kUnresolvedPermissionReference,
                                            "this resourceSpecific entry has no `name`",
                                            "give the RSC permission's name, e.g. `Calls.JoinGroupCalls.Chat`", at));
        continue;
      }
      add_rsc(doc, at + "/name", name, string_member(entry, "type"), out);
    }
  }
  out.teams = std::move(app);
  return out;
}

}  // namespace callcheck::detail
