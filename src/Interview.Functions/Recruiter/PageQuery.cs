namespace Interview.Functions.Recruiter;

/// <summary>
/// The paging half of a recruiter list's query: <c>page_size</c> (1 to 200, 50 when absent) and the
/// <c>continuation</c> a page returned. <see cref="Valid"/> is false for anything else; the caller words the problem
/// with its own filters.
/// </summary>
public sealed record PageQuery(int Size, string? Continuation)
{
    public const int DefaultSize = 50;

    public const string Rule = "page_size 1 to 200; continuation as a page returned it";

    public bool Valid => Size is >= 1 and <= 200 && Continuation is not { Length: > 2048 };

    public static PageQuery Of(IQueryCollection query) => new(
        query.TryGetValue("page_size", out var asked) ? int.TryParse(asked, out var n) ? n : -1 : DefaultSize,
        query["continuation"]);
}
