namespace Interview.Functions.Page;

/// <summary>Section "Page": the candidate page served from wwwroot at "/".</summary>
public sealed class PageOptions
{
    public const string Section = "Page";

    /// <summary>Turn off when the page is hosted elsewhere and only calls this API.</summary>
    public bool Enabled { get; set; } = true;
}
