using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Microsoft.AspNetCore.Http.StatusCodes;
using Interview.Functions.Http;

namespace Interview.Functions.OpenApi;

/// <summary>One operation of the document: parameters, body, security and every answer, the edge's refusals included.</summary>
internal static partial class OpenApiOperation
{
    public const string BearerScheme = "bearer";
    public const string AdminScheme = "adminKey";
    public const string EntraScheme = "entra";

    public static JsonObject Describe(HttpFunction function, OpenApiDocument.SchemaSet schemas)
    {
        var method = function.Method;
        var described = method.GetCustomAttribute<DescribedAttribute>();
        var operation = new JsonObject
        {
            ["operationId"] = function.Name,
            ["tags"] = new JsonArray(described?.Tag ?? "default"),
            ["summary"] = described?.Summary ?? function.Name,
            ["parameters"] = Parameters(function),
        };

        if (method.GetCustomAttribute<BodyAttribute>() is { } body)
        {
            var schema = body.MediaType == "application/json" ? schemas.Ref(body.Schema) : schemas.Inline(body.Schema);
            var requestBody = new JsonObject
            {
                ["required"] = body.Required,
                ["content"] = new JsonObject { [body.MediaType] = new JsonObject { ["schema"] = schema } },
            };
            if (body.Description is { } description)
            {
                requestBody["description"] = description; // absent, not null: generators read null as a broken document
            }

            operation["requestBody"] = requestBody;
        }

        // Anyone: an empty requirement says "no credential" explicitly rather than by omission.
        operation["security"] = function.Access is { Credential: not Credential.Anyone } access ? Security(access)
            : new JsonArray(new JsonObject());

        operation["responses"] = Responses(function, schemas);
        return operation;
    }

    private static JsonArray Parameters(HttpFunction function)
    {
        var parameters = new JsonArray();
        foreach (Match name in RouteParameter().Matches(function.Route))
        {
            parameters.Add(new JsonObject { ["name"] = name.Groups[1].Value, ["in"] = "path", ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        foreach (var header in function.Method.GetCustomAttributes<HeaderAttribute>())
        {
            parameters.Add(new JsonObject
            {
                ["name"] = header.Name, ["in"] = "header", ["required"] = false, ["description"] = header.Description,
                    ["schema"] = new JsonObject { ["type"] = "string" },
            });
        }

        return parameters;
    }

    // In token mode: the named credential, or the recruiter's (an Entra ID token, or the development admin key) where it also opens the
    // operation.
    private static JsonArray Security(AccessAttribute access)
    {
        var schemes = new JsonArray();
        if (access.Credential != Credential.Recruiter)
        {
            schemes.Add(new JsonObject { [BearerScheme] = new JsonArray() });
        }

        if (access.Credential == Credential.Recruiter || access.OrRecruiter)
        {
            schemes.Add(new JsonObject { [EntraScheme] = new JsonArray() });
            schemes.Add(new JsonObject { [AdminScheme] = new JsonArray() });
        }

        return schemes;
    }

    private static JsonObject Responses(HttpFunction function, OpenApiDocument.SchemaSet schemas)
    {
        var responses = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var returns in function.Method.GetCustomAttributes<ReturnsAttribute>())
        {
            var response = new JsonObject { ["description"] = ReasonPhrase(returns.Status) };
            if (returns.Body is { } type)
            {
                response["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schemas.Ref(type) } };
            }

            responses[$"{returns.Status}"] = response;
        }

        foreach (var status in Refusals(function))
        {
            responses[$"{status}"] = new JsonObject
            {
                ["description"] = ReasonPhrase(status),
                ["content"] = new JsonObject { ["application/problem+json"] =
                    new JsonObject { ["schema"] = schemas.Ref(typeof(Problem)) } },
            };
        }

        return new JsonObject(responses.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value)));
    }

    /// <summary>The function's own refusals and the edge's: rate limits always, the id and the credential where they apply.</summary>
    private static IEnumerable<int> Refusals(HttpFunction function)
    {
        var statuses = new HashSet<int>(function.Method.GetCustomAttribute<RefusesAttribute>()?.Statuses
            ?? []) { Status429TooManyRequests };
        if (function.TakesInterviewId)
        {
            statuses.Add(Status400BadRequest);
        }

        if (function.Access is { Credential: not Credential.Anyone } access)
        {
            statuses.Add(Status401Unauthorized);
            // 403: a token for another interview, or a signed-in recruiter without the app role.
            statuses.Add(Status403Forbidden);
        }

        return statuses;
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex RouteParameter();

    /// <summary>An RFC 7807 problem as this API writes it.</summary>
    private sealed record Problem(string Type, string Title, int Status, string? Detail, string Code);
}
