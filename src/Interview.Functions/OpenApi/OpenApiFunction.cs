using Microsoft.AspNetCore.Http.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using static Microsoft.AspNetCore.Http.StatusCodes;
using Interview.Functions.Http;

namespace Interview.Functions.OpenApi;

/// <summary>The OpenAPI document for client generation, built once per process.</summary>
public sealed class OpenApiFunction(IOptions<JsonOptions> json)
{
    private static readonly System.Text.Json.JsonSerializerOptions Readable =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static string? _document;

    [Function("OpenApiDocument")]
    [Access(Credential.Anyone)]
    [WithoutStorage]
    [Described("openapi", "This OpenAPI document")]
    [Returns(Status200OK)]
    public Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/v1.json")] HttpRequest request)
    {
        _document ??= OpenApiDocument.Build(json.Value.SerializerOptions).ToJsonString(Readable);
        return Task.FromResult<IResult>(TypedResults.Text(_document, "application/json"));
    }
}
