// The interviewer on Azure. Subscription scope so that `azd up` asks only for an environment name, a subscription and a
// location: this template creates its own resource group and deploys everything into it (resources.bicep).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; the resource group and every name derive from it.')
param environmentName string

@minLength(1)
@metadata({ azd: { type: 'location' } })
@description('Region for every resource (Azure OpenAI may use openAiLocation, the pages staticWebAppLocation).')
param location string

// Bump it (azd env set RESOURCE_SALT 2) to redeploy after `azd down` without --purge: soft-deleted Key Vault and
// Cognitive Services names stay taken.
@description('Changes every resource name.')
param resourceSalt string = ''

@description('Another origin allowed to call the API from a browser besides the deployed pages, e.g. https://x.example.com.')
param frontendOrigin string = ''

@description('Region of the Static Web App (Free is offered in a few regions only). Empty: location when offered there, else westeurope.')
param staticWebAppLocation string = ''

@minValue(1)
@maxValue(3650)
@description('Days an interview is kept after it ends (Retention__Days); its audio is deleted by a lifecycle rule on the same schedule.')
param retentionDays int = 180

@description('Chat model for the interviewer and the evaluator. List what a region offers: az cognitiveservices model list -l <region>.')
param chatModelName string = 'gpt-4.1-mini'

@description('Version of chatModelName; must be one that region offers for GlobalStandard deployments.')
param chatModelVersion string = '2025-04-14'

@minValue(1)
@description('Chat deployment capacity in thousands of tokens per minute.')
param chatModelCapacity int = 30

@description('Region for Azure OpenAI, when the model is not offered in the main region. Empty: location.')
param openAiLocation string = ''

@maxValue(1000)
param maximumInstanceCount int = 100

@minValue(0)
@maxValue(20)
// 0 scales to zero (the first candidate after an idle spell waits for a cold start); 1 keeps one ready, billed while idle.
@description('Instances kept warm for the HTTP functions.')
param alwaysReadyInstances int = 0

@secure()
// scripts/azd-preprovision (the preprovision hook) generates it once per azd environment.
@description('Base64 key (32+ bytes) that signs join and session tokens.')
param tokenSigningKey string

@description('Entra ID tenant of the recruiters. Empty: the deploying tenant.')
param recruiterTenantId string = tenant().tenantId

@description('Client id of the API app registration recruiters sign in to. Empty: recruiter sign-in is not configured.')
param recruiterClientId string = ''

var token = toLower(uniqueString(subscription().id, environmentName, location, resourceSalt))
var tags = { 'azd-env-name': environmentName }
// Static Web Apps Free regions (the content is served globally either way).
var staticWebAppRegions = [ 'westus2', 'centralus', 'eastus2', 'westeurope', 'eastasia' ]

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  name: 'resources'
  scope: group
  params: {
    token: token
    tags: tags
    location: location
    openAiLocation: empty(openAiLocation) ? location : openAiLocation
    staticWebAppLocation: !empty(staticWebAppLocation)
      ? staticWebAppLocation
      : (contains(staticWebAppRegions, location) ? location : 'westeurope')
    frontendOrigin: frontendOrigin
    retentionDays: retentionDays
    chatModelName: chatModelName
    chatModelVersion: chatModelVersion
    chatModelCapacity: chatModelCapacity
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyInstances: alwaysReadyInstances
    tokenSigningKey: tokenSigningKey
    recruiterTenantId: empty(recruiterTenantId) ? tenant().tenantId : recruiterTenantId
    recruiterClientId: recruiterClientId
  }
}

output AZURE_RESOURCE_GROUP string = group.name
output FUNCTION_URL string = resources.outputs.functionUrl
output PAGES_URL string = resources.outputs.pagesUrl
output AZURE_FUNCTION_APP_NAME string = resources.outputs.functionAppName
output AZURE_STORAGE_ACCOUNT string = resources.outputs.storageAccountName
output AZURE_KEY_VAULT_NAME string = resources.outputs.keyVaultName
output AZURE_OPENAI_ENDPOINT string = resources.outputs.openAiEndpoint
output AZURE_SPEECH_ENDPOINT string = resources.outputs.speechEndpoint
// What scripts/pages-config writes into the pages' config.json; empty when recruiter sign-in is not configured.
output ENTRA_AUTHORITY string = resources.outputs.entraAuthority
output ENTRA_API_SCOPE string = resources.outputs.entraApiScope
