using System.Text.Json;

namespace Interview.Local.Pages;

/// <summary>The pages' config.json (src/Interview.Pages/config.js reads it): the same shape the deploy writes in Azure.</summary>
public sealed record PageConfig(string ApiBaseUrl)
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static PageConfig From(PageOptions options) => new(options.ApiBaseUrl.TrimEnd('/'));
}
