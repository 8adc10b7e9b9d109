namespace Interview.Local.Pages;

/// <summary>Section "Cors": the origins of a separately hosted page that may call the API from a browser.</summary>
public sealed class BrowserCorsOptions
{
    public const string Section = "Cors";

    /// <summary>Comma-separated origins such as <c>https://jobs.example.com</c>; empty sends no CORS headers at all.</summary>
    public string AllowedOrigins { get; set; } = "";

    public IReadOnlyList<string> Origins =>
        AllowedOrigins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Browsers send the origin as scheme://host[:port]; anything else (a path, a trailing slash) would never match.</summary>
    public static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && uri.PathAndQuery == "/" && string.IsNullOrEmpty(uri.Fragment) && !origin.EndsWith('/');
}
