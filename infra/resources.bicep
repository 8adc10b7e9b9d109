// Everything in the environment's resource group: a Flex Consumption function app on the .NET 10 isolated worker, its
// storage, Azure OpenAI, Azure AI Speech, Key Vault, Application Insights, the pages (Static Web Apps Free), and one
// user-assigned identity with least-privilege roles. No keys: every connection, telemetry included, is by identity.
targetScope = 'resourceGroup'

@description('uniqueString of subscription, environment, location and salt: 13 characters.')
@minLength(13)
@maxLength(13)
param token string
param tags object
param location string
param openAiLocation string
param staticWebAppLocation string
param frontendOrigin string
param retentionDays int
param chatModelName string
param chatModelVersion string
param chatModelCapacity int
param maximumInstanceCount int
param alwaysReadyInstances int
@secure()
param tokenSigningKey string
param recruiterTenantId string
param recruiterClientId string

var audioContainer = 'interview-audio'
var sessionsTable = 'interviews'
var signingKeySecret = 'token-signing-key'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${token}'
  location: location
  tags: tags
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'st${token}'
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }

  resource blobs 'blobServices' = {
    name: 'default'
    resource deployments 'containers' = { name: 'deployments' }
    resource audio 'containers' = { name: audioContainer }
  }

  resource tables 'tableServices' = {
    name: 'default'
    resource interviews 'tables' = { name: sessionsTable }
  }

  // Interview audio is personal data: a backstop for the app's own retention job (Retention__Days), same schedule.
  resource lifecycle 'managementPolicies' = {
    name: 'default'
    properties: {
      policy: {
        rules: [
          {
            name: 'delete-interview-audio'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: { blobTypes: [ 'blockBlob' ], prefixMatch: [ '${audioContainer}/' ] }
              actions: { baseBlob: { delete: { daysAfterCreationGreaterThan: retentionDays } } }
            }
          }
        ]
      }
    }
  }
}

// RBAC only (no access policies). Purge protection stays off on purpose: `azd down --purge` can then free the name,
// and the only secret is re-creatable (a new key just invalidates outstanding join and session tokens).
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-${token}'
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }

  resource signingKey 'secrets' = {
    name: signingKeySecret
    properties: { value: tokenSigningKey, contentType: 'base64' }
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${token}'
  location: location
  tags: tags
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

// Keyless ingestion: only Entra-authenticated telemetry is accepted (the identity is Monitoring Metrics Publisher).
resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${token}'
  location: location
  tags: tags
  kind: 'web'
  properties: { Application_Type: 'web', WorkspaceResourceId: logs.id, DisableLocalAuth: true }
}

resource openAi 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-${token}'
  location: openAiLocation
  tags: tags
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: { customSubDomainName: 'oai-${token}', disableLocalAuth: true, publicNetworkAccess: 'Enabled' }

  resource chat 'deployments' = {
    name: chatModelName
    sku: { name: 'GlobalStandard', capacity: chatModelCapacity }
    properties: { model: { format: 'OpenAI', name: chatModelName, version: chatModelVersion } }
  }
}

// A custom subdomain is what lets Speech accept Entra ID tokens instead of keys.
resource speech 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'spch-${token}'
  location: location
  tags: tags
  kind: 'SpeechServices'
  sku: { name: 'S0' }
  properties: { customSubDomainName: 'spch-${token}', disableLocalAuth: true, publicNetworkAccess: 'Enabled' }
}

// The candidate and recruiter pages: azd deploys artifacts/pages here (service `pages`, see scripts/pages-config).
resource pages 'Microsoft.Web/staticSites@2024-04-01' = {
  name: 'swa-${token}'
  location: staticWebAppLocation
  tags: union(tags, { 'azd-service-name': 'pages' })
  sku: { name: 'Free', tier: 'Free' }
  properties: { provider: 'Custom' }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${token}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

var storageSuffix = environment().suffixes.storage
var speechEndpoint = 'https://spch-${token}.cognitiveservices.azure.com'
var pagesOrigin = 'https://${pages.properties.defaultHostname}'
// Bare tenant authority for MSAL in the browser; the API validates issuers against the v2.0 one.
var entraAuthority = '${environment().authentication.loginEndpoint}${recruiterTenantId}'

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-${token}'
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identity.id}': {} } }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the user-assigned identity (the default would be a system identity it lacks).
    keyVaultReferenceIdentity: identity.id
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}deployments'
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identity.id }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
        alwaysReady: alwaysReadyInstances > 0 ? [ { name: 'http', instanceCount: alwaysReadyInstances } ] : []
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      // On Flex Consumption the Functions host applies these (any header, any method, no exposed headers: the app
      // sets Access-Control-Expose-Headers itself).
      cors: { allowedOrigins: union([ pagesOrigin ], empty(frontendOrigin) ? [] : [ frontendOrigin ]) }
      appSettings: [
        // The Functions host's own storage, by identity.
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identity.properties.clientId }
        // DefaultAzureCredential in the app picks this identity.
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'Storage__AccountName', value: storage.name }
        { name: 'Storage__ConnectionString', value: '' }
        { name: 'Storage__EndpointSuffix', value: storageSuffix }
        { name: 'Storage__SessionsTable', value: sessionsTable }
        { name: 'Storage__AudioContainer', value: audioContainer }
        { name: 'Evaluation__HistoryRetention', value: '30.00:00:00' }
        { name: 'Retention__Days', value: string(retentionDays) }
        { name: 'Interviewer__Brain', value: 'azure-openai' }
        { name: 'AzureOpenAI__Endpoint', value: openAi.properties.endpoint }
        { name: 'AzureOpenAI__Deployment', value: openAi::chat.name }
        { name: 'Speech__Provider', value: 'azure' }
        { name: 'AzureSpeech__SttEndpoint', value: speechEndpoint }
        { name: 'AzureSpeech__TtsEndpoint', value: '${speechEndpoint}/tts/' }
        // The page's live recognition connects to the region's host with a token the custom domain's token service issues.
        { name: 'AzureSpeech__Region', value: speech.location }
        { name: 'Security__Mode', value: 'token' }
        // Versionless: a new secret version is picked up without a redeploy.
        { name: 'Security__SigningKey', value: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${signingKeySecret})' }
        // Recruiters sign in with Entra ID; an empty client id means sign-in is not configured.
        { name: 'Entra__TenantId', value: recruiterTenantId }
        { name: 'Entra__ClientId', value: recruiterClientId }
        { name: 'Entra__Authority', value: '${entraAuthority}/v2.0' }
        { name: 'Entra__Role', value: 'Interviews.Manage' }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identity.properties.clientId};Authorization=AAD' }
      ]
    }
  }
  dependsOn: [ storageRoles, openAiUser, speechUser, vaultSecretsUser, metricsPublisher, vault::signingKey ]
}

// Least privilege: data-plane roles on exactly the resources the app uses.
var roles = {
  // Identity-based AzureWebJobsStorage and the Durable Azure Storage provider: blob owner, queue and table contributor.
  blobOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner (includes user delegation keys)
  queueData: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
  tableData: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
  openAiUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd' // Cognitive Services OpenAI User
  speechUser: 'f2dc8367-1007-4938-bd23-fe263f013447' // Cognitive Services Speech User
  secretsUser: '4633458b-17de-408a-b874-0445c86b69e6' // Key Vault Secrets User
  metricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb' // Monitoring Metrics Publisher
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [
  roles.blobOwner
  roles.queueData
  roles.tableData
]: {
  name: guid(storage.id, identity.id, role)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

resource openAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openAi.id, identity.id, roles.openAiUser)
  scope: openAi
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.openAiUser)
  }
}

resource speechUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(speech.id, identity.id, roles.speechUser)
  scope: speech
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.speechUser)
  }
}

resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roles.secretsUser)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.secretsUser)
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, identity.id, roles.metricsPublisher)
  scope: insights
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.metricsPublisher)
  }
}

output functionUrl string = 'https://${app.properties.defaultHostName}'
output pagesUrl string = pagesOrigin
output functionAppName string = app.name
output storageAccountName string = storage.name
output keyVaultName string = vault.name
output openAiEndpoint string = openAi.properties.endpoint
output speechEndpoint string = speechEndpoint
output entraAuthority string = empty(recruiterClientId) ? '' : entraAuthority
output entraApiScope string = empty(recruiterClientId) ? '' : 'api://${recruiterClientId}/Interviews.Access'
