// The interviewer on Azure: a Flex Consumption function app on the .NET 10 isolated worker, its storage, Azure OpenAI,
// Azure AI Speech, Application Insights, and one user-assigned identity with least-privilege roles. No keys anywhere:
// every connection is identity-based.
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(64)
@description('azd environment name; names and tags derive from it.')
param environmentName string

@description('Region for every resource.')
param location string = resourceGroup().location

@description('Origin of the candidate-facing page when it is hosted elsewhere, e.g. https://interview.example.com. Empty: no CORS.')
param frontendOrigin string = ''

@minValue(1)
@maxValue(3650)
@description('Days to keep candidate and interviewer audio before the lifecycle rule deletes it.')
param audioRetentionDays int = 30

@description('Chat model for the interviewer and the evaluator.')
param chatModelName string = 'gpt-4o-mini'

param chatModelVersion string = '2024-07-18'

@minValue(1)
@description('Chat deployment capacity in thousands of tokens per minute.')
param chatModelCapacity int = 30

@description('Region for Azure OpenAI, when the model is not offered in the main region.')
param openAiLocation string = location

@maxValue(1000)
param maximumInstanceCount int = 100

@minValue(0)
@maxValue(20)
@description('Instances kept warm for the HTTP functions. 0 scales to zero (the first candidate after an idle spell waits for a cold start); 1 keeps one ready, billed while idle.')
param alwaysReadyInstances int = 0

@secure()
@description('Base64 key (32+ bytes) that signs join and session tokens: azd env set SECURITY_SIGNING_KEY "$(openssl rand -base64 32)".')
param tokenSigningKey string

@secure()
@description('Key for the admin endpoint that issues join tokens (16+ characters): azd env set SECURITY_ADMIN_KEY "$(openssl rand -hex 24)".')
param adminKey string

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = { 'azd-env-name': environmentName }
var audioContainer = 'interview-audio'
var sessionsTable = 'interviews'

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

  // Interview audio is personal data: it is deleted after the retention period.
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
              actions: { baseBlob: { delete: { daysAfterCreationGreaterThan: audioRetentionDays } } }
            }
          }
        ]
      }
    }
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${token}'
  location: location
  tags: tags
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${token}'
  location: location
  tags: tags
  kind: 'web'
  properties: { Application_Type: 'web', WorkspaceResourceId: logs.id, DisableLocalAuth: false }
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

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-${token}'
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identity.id}': {} } }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
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
      cors: { allowedOrigins: empty(frontendOrigin) ? [] : [ frontendOrigin ] }
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
        { name: 'Interviewer__Brain', value: 'azure-openai' }
        { name: 'AzureOpenAI__Endpoint', value: openAi.properties.endpoint }
        { name: 'AzureOpenAI__Deployment', value: openAi::chat.name }
        { name: 'Speech__Provider', value: 'azure' }
        { name: 'AzureSpeech__SttEndpoint', value: speechEndpoint }
        { name: 'AzureSpeech__TtsEndpoint', value: '${speechEndpoint}/tts/' }
        { name: 'Security__Mode', value: 'token' }
        { name: 'Security__SigningKey', value: tokenSigningKey }
        { name: 'Security__AdminKey', value: adminKey }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
      ]
    }
  }
  dependsOn: [ storageRoles, openAiUser, speechUser ]
}

// Least privilege: data-plane roles on exactly the resources the app uses.
var roles = {
  tableData: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
  blobData: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' // Storage Blob Data Contributor (includes user delegation keys)
  queueData: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor (the Durable task hub's queues)
  openAiUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd' // Cognitive Services OpenAI User
  speechUser: 'f2dc8367-1007-4938-bd23-fe263f013447' // Cognitive Services Speech User
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [ roles.tableData, roles.blobData, roles.queueData ]: {
  name: guid(storage.id, identity.id, role)
  scope: storage
  properties: { principalId: identity.properties.principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role) }
}]

resource openAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(openAi.id, identity.id, roles.openAiUser)
  scope: openAi
  properties: { principalId: identity.properties.principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.openAiUser) }
}

resource speechUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(speech.id, identity.id, roles.speechUser)
  scope: speech
  properties: { principalId: identity.properties.principalId, principalType: 'ServicePrincipal', roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.speechUser) }
}

output FUNCTION_URL string = 'https://${app.properties.defaultHostName}'
output AZURE_FUNCTION_APP_NAME string = app.name
output AZURE_STORAGE_ACCOUNT string = storage.name
output AZURE_OPENAI_ENDPOINT string = openAi.properties.endpoint
output AZURE_SPEECH_ENDPOINT string = speechEndpoint
