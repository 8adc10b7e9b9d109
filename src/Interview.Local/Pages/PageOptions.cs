namespace Interview.Local.Pages;

/// <summary>Section "Page": the twin serves the candidate and recruiter pages at "/" and "/recruiter/".</summary>
public sealed class PageOptions
{
    public const string Section = "Page";

    /// <summary>Turn off when the page is hosted elsewhere and only calls this API.</summary>
    public bool Enabled { get; set; } = true;
}
