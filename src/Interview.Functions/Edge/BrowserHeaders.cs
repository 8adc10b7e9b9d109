using Interview.Functions.Plans;
using Microsoft.Net.Http.Headers;

namespace Interview.Functions.Edge;

/// <summary>
/// The response headers the pages read, which a browser hides from a page on another origin unless CORS exposes them:
/// one list for every place that answers CORS (the twin's policy, and the function app's responses in Azure).
/// </summary>
public static class BrowserHeaders
{
    public static readonly string[] Exposed =
    [
        HeaderNames.Location, HeaderNames.RetryAfter, HeaderNames.WWWAuthenticate, PlanFunctions.VersionHeader,
            PlanDraftFunction.SourceHeader,
    ];
}
