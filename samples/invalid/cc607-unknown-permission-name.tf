data "azuread_application_published_app_ids" "well_known" {}

data "azuread_service_principal" "msgraph" {
  client_id = data.azuread_application_published_app_ids.well_known.result["MicrosoftGraph"]
}

resource "azuread_application_api_access" "calling_bot" {
  application_id = azuread_application.calling_bot.id
  api_client_id  = data.azuread_application_published_app_ids.well_known.result["MicrosoftGraph"]

  role_ids = [
    data.azuread_service_principal.msgraph.app_role_ids["Calls.Initiate.All"],
    data.azuread_service_principal.msgraph.app_role_ids["Calls.InitiateGroupCalls.All"],
    data.azuread_service_principal.msgraph.app_role_ids["Calls.JoinGroupCall.All"],
    data.azuread_service_principal.msgraph.app_role_ids["Calls.JoinGroupCallAsGuest.All"],
    data.azuread_service_principal.msgraph.app_role_ids["Calls.AccessMedia.All"],
  ]
}
