#!/bin/bash
# Microsoft Graph application permissions of the calling bot.
az ad app permission add --id "$APP_ID" --api 00000003-0000-0000-c000-000000000000 \
  --api-permissions 284383ee-7f6e-4e40-a2a8-e85dcb029101=Role 4c277553-8a09-487b-8023-29ee378d8324=Role \
                    f6b49018-60ab-4f81-83bd-22caeabfed2d=Role fd7ccf6b-3d28-418b-9701-cd10f5cd2fd4=Role \
                    a7a681dc-756e-4909-b988-f160edc6655f=Role
# Presence.Read.All (to skip users who are busy)
az ad app permission add --id "$APP_ID" --api 00000003-0000-0000-c000-000000000000 \
  --api-permissions 9c7a330d-35b3-4aa1-963d-cb2b9f927841=Role
