using Interview.Functions.Http;


namespace Interview.Functions.Tests.Docs;

/// <summary>docs/api.md's error table and the catalogue of error codes are the same list, status for status.</summary>
public sealed class ErrorTableTests
{
    [Fact]
    public void Readme_error_table_lists_every_code_the_api_answers_with_and_no_other()
    {
        var documented = DocTables.Rows("docs/api.md", "status", "code")
            .SelectMany(row => DocTables.Names(row[1]).Select(code => $"{row[0]} {code}"))
            .Order().ToList();

        var catalogue = ErrorCodes.All.Select(e => $"{e.Status} {e.Code}").Order().ToList();

        Assert.Equal(catalogue, documented);
    }

    [Fact]
    public void Every_code_is_unique_snake_case()
    {
        Assert.Equal(ErrorCodes.All.Count, ErrorCodes.All.Select(e => e.Code).Distinct().Count());
        Assert.All(ErrorCodes.All, e => Assert.Matches("^[a-z]+(_[a-z]+)*$", e.Code));
    }
}
