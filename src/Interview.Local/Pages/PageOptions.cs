namespace Interview.Local.Pages;

/// <summary>Section "Page": the twin serves the candidate and recruiter pages at "/" and "/recruiter/".</summary>
public sealed class PageOptions
{
    public const string Section = "Page";

    /// <summary>Turn off when the page is hosted elsewhere and only calls this API.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The API address the pages call, served to them as config.json's <c>api_base_url</c>; empty (the default) means
    /// the twin itself, the pages' own origin.
    /// </summary>
    public string ApiBaseUrl { get; set; } = "";
}
