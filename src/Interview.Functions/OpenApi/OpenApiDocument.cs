using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Interview.Functions.Http;
using Interview.Functions.Security;

namespace Interview.Functions.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document, built from the HTTP functions' own attributes (routes, access, bodies, answers), so both
/// hosts serve the same document and it cannot drift from the functions. Schemas are the wire types as the app
/// serializes them (snake_case), exported by System.Text.Json.
/// </summary>
public static class OpenApiDocument
{
    public static JsonObject Build(JsonSerializerOptions wire)
    {
        // Numbers as the app writes them (the wire may read them from strings too, which is not what a client should send).
        var schemas = new SchemaSet(new JsonSerializerOptions(wire)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(), NumberHandling = JsonNumberHandling.Strict,
        });
        var paths = new JsonObject();
        foreach (var function in HttpFunctions.All.OrderBy(f => f.Route, StringComparer.Ordinal))
        {
            var path = (JsonObject)(paths[$"/{function.Route}"] ??= new JsonObject());
            foreach (var method in function.Methods)
            {
                path[method.ToLowerInvariant()] = OpenApiOperation.Describe(function, schemas);
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject { ["title"] = "Interview Functions", ["version"] = "v1" },
            // Relative: the API is wherever this document was served from (the twin, the function app, a custom domain).
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/" }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas.Components,
                ["securitySchemes"] = new JsonObject
                {
                    [OpenApiOperation.BearerScheme] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["description"] = "A " +
                        "join token (start) or the session token start returned (every other candidate call)." },
                    [OpenApiOperation.EntraScheme] = new JsonObject
                    {
                        ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT",
                        ["description"] = "A recruiter's Microsoft Entra ID access token for this API (audience {Entra:ClientId} or " +
                            "api://{Entra:ClientId}) with the app role Entra:Role.",
                    },
                    [OpenApiOperation.AdminScheme] = new JsonObject
                    {
                        ["type"] = "apiKey", ["in"] = "header", ["name"] = InterviewAccess.AdminHeader,
                        ["description"] = "The recruiter's admin key: a development credential, only where Security:AdminKey is set.",
                    },
                },
            },
        };
    }

    /// <summary>Component schemas by type name; a wire type inside another becomes a $ref to its own component.</summary>
    internal sealed class SchemaSet(JsonSerializerOptions options)
    {
        public JsonObject Components { get; } = new();

        public JsonNode Ref(Type type)
        {
            if (!Components.ContainsKey(type.Name))
            {
                Components[type.Name] = null; // reserved before exporting, so a type that refers to itself terminates
                Components[type.Name] = Inline(type);
            }

            return new JsonObject { ["$ref"] = $"#/components/schemas/{type.Name}" };
        }

        public JsonNode Inline(Type type) => options.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, schema) =>
                context.TypeInfo.Type == typeof(byte[]) ? new JsonObject { ["type"] = "string", ["format"] = "binary" }
                : context.Path.Length > 0 && IsComponent(context.TypeInfo.Type) ? Nullable(schema, Ref(context.TypeInfo.Type))
                : ForGenerators(schema),
        });

        /// <summary>A nested wire type is a $ref; where the property may be null it says so, as the exporter had.</summary>
        private static JsonNode Nullable(JsonNode exported, JsonNode reference) =>
            exported is JsonObject { } o && o["type"] is JsonArray types && types.Any(t => (string?)t == "null")
                ? new JsonObject { ["anyOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) }
                : reference;

        /// <summary>
        /// What client generators choke on, said the plain way: a boolean schema (a JsonElement: any JSON) as {}, and
        /// no "default": null on a property that is merely optional.
        /// </summary>
        private static JsonNode ForGenerators(JsonNode schema)
        {
            if (schema.GetValueKind() == JsonValueKind.True)
            {
                return new JsonObject();
            }

            if (schema is JsonObject o && o.TryGetPropertyValue("default", out var value) && value is null)
            {
                o.Remove("default");
            }

            return schema;
        }

        private static bool IsComponent(Type type) =>
            type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("Interview.", StringComparison.Ordinal) == true;
    }
}
