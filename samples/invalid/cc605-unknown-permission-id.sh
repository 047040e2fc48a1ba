#!/bin/bash
# Calls.Initiate.All, Calls.InitiateGroupCall.All, Calls.JoinGroupCallAsGuest.All, Calls.AccessMedia.All
az ad app permission add --id "$APP_ID" --api 00000003-0000-0000-c000-000000000000 \
  --api-permissions 284383ee-7f6e-4e40-a2a8-e85dcb029101=Role 4c277553-8a09-487b-8023-29ee378d8324=Role \
                    fd7ccf6b-3d28-418b-9701-cd10f5cd2fd4=Role a7a681dc-756e-4909-b988-f160edc6655f=Role

# Calls.JoinGroupCall.All: f6594d00-0bea-4a83-b09e-4c8c96bc5d28
az ad app permission add --id "$APP_ID" --api 00000003-0000-0000-c000-000000000000 \
  --api-permissions f6594d00-0bea-4a83-b09e-4c8c96bc5d28=Role
