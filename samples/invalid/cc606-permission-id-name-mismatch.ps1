$GraphAppId = '00000003-0000-0000-c000-000000000000'
$Permissions = @(
    @{ Id = '284383ee-7f6e-4e40-a2a8-e85dcb029101'; Type = 'Role'; Name = 'Calls.Initiate.All' },
    @{ Id = '4c277553-8a09-487b-8023-29ee378d8324'; Type = 'Role'; Name = 'Calls.InitiateGroupCall.All' },
    @{ Id = 'f6b49018-60ab-4f81-83bd-22caeabfed2d'; Type = 'Role'; Name = 'Calls.JoinGroupCall.All' },
    @{ Id = 'fd7ccf6b-3d28-418b-9701-cd10f5cd2fd4'; Type = 'Role'; Name = 'Calls.JoinGroupCallAsGuest.All' },
    @{ Id = 'a7a681dc-756e-4909-b988-f160edc6655f'; Type = 'Role'; Name = 'Calls.AccessMedia.All' },
    @{ Id = 'df021288-bdef-4463-88db-98f22de89214'; Type = 'Role'; Name = 'OnlineMeetings.Read.All' }
)
Update-MgApplication -ApplicationId $app.Id -RequiredResourceAccess @(
    @{ ResourceAppId = $GraphAppId; ResourceAccess = $Permissions | ForEach-Object { @{ Id = $_.Id; Type = $_.Type } } }
)
