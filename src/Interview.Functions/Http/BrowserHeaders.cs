using Microsoft.Net.Http.Headers;

namespace Interview.Functions.Http;

/// <summary>
/// The response headers the pages read, which a browser hides from a page on another origin unless CORS exposes them:
/// one list for every place that answers CORS (the twin's policy, and the function app's responses in Azure).
/// </summary>
public static class BrowserHeaders
{
    /// <summary>A saved plan's version (GET and PUT of a plan).</summary>
    public const string PlanVersion = "X-Plan-Version";

    /// <summary>Whether a drafted plan came from the model or the offline drafter.</summary>
    public const string PlanDraftSource = "X-Plan-Draft-Source";

    public static readonly string[] Exposed =
        [HeaderNames.Location, HeaderNames.RetryAfter, HeaderNames.WWWAuthenticate, PlanVersion, PlanDraftSource];
}
