using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Interview.Api.Sessions;

/// <summary>
/// Request bodies the handlers read themselves (so that every malformed body gets our own problem+json),
/// described for the OpenAPI document by hand. <c>Accepts()</c> would instead let routing answer 415 on its own.
/// </summary>
internal static class OpenApiBodies
{
    public static Task OptionalStartBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = false,
            Description = "Optional. Omit the body to use the default plan.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = Object(("candidate_name", JsonSchemaType.String), ("role", JsonSchemaType.String), ("plan_id", JsonSchemaType.String)) },
            },
        };
        return Task.CompletedTask;
    }

    public static Task TurnForm(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var form = Object(("text", JsonSchemaType.String), ("audio", JsonSchemaType.String));
        form.Properties!["audio"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        form.Description = "Exactly one of 'audio' (a recorded answer) or 'text' (a typed answer).";
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() { Schema = form } },
        };
        return Task.CompletedTask;
    }

    private static OpenApiSchema Object(params (string Name, JsonSchemaType Type)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Properties = properties.ToDictionary(p => p.Name, p => (IOpenApiSchema)new OpenApiSchema { Type = p.Type }),
    };
}
