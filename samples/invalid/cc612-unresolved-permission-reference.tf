locals {
  graph_app_role_ids = {
    calls_initiate_all   = "284383ee-7f6e-4e40-a2a8-e85dcb029101"
    calls_access_media   = "a7a681dc-756e-4909-b988-f160edc6655f"
  }
}

resource "azuread_application" "calling_bot" {
  display_name = "contoso-calling-bot"

  required_resource_access {
    resource_app_id = "00000003-0000-0000-c000-000000000000"

    resource_access {
      id   = local.graph_app_role_ids.calls_initiate_all
      type = "Role"
    }
    resource_access {
      id   = var.join_role_id
      type = "Role"
    }
    resource_access {
      id   = local.graph_app_role_ids.calls_access_media
      type = "Role"
    }
  }
}
