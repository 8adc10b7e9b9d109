using Interview.Core.Drafting;

namespace Interview.Core.Tests.Plans.Drafting;

public sealed class DraftInputTests
{
    [Theory]
    [InlineData(null, DraftInputFailure.Missing)]
    [InlineData("", DraftInputFailure.Missing)]
    [InlineData(" \n\t ", DraftInputFailure.Missing)]
    [InlineData("Data Engineer\u0000", DraftInputFailure.NotText)]
    [InlineData("Data \u0007Engineer", DraftInputFailure.NotText)]
    [InlineData("Data Engineer \uD800", DraftInputFailure.NotText)]
    [InlineData("Data Engineer \uFFFD", DraftInputFailure.NotText)]
    public void Bad_job_description_is_refused(string? jobDescription, DraftInputFailure failure)
    {
        var result = DraftInput.Check(jobDescription);

        Assert.False(result.Succeeded);
        Assert.Equal((failure, "job_description"), (result.Problem!.Failure, result.Problem.Field));
    }

    [Fact]
    public void Job_description_over_20000_characters_is_too_long()
    {
        Assert.True(DraftInput.Check(new string('a', DraftInput.MaxJobDescriptionChars)).Succeeded);
        Assert.Equal(DraftInputFailure.TooLong, DraftInput.Check(new string('a', DraftInput.MaxJobDescriptionChars + 1)).Problem!.Failure);
    }

    [Fact]
    public void Text_with_line_breaks_tabs_and_emoji_is_accepted()
    {
        var result = DraftInput.Check("Data Engineer\r\n\t- Kafka 🚀\n- dbt", "  Data Engineer ", "Senior");

        Assert.Equal(new DraftRequest("Data Engineer\r\n\t- Kafka 🚀\n- dbt", "Data Engineer", Seniority.Senior), result.Request);
    }

    [Theory]
    [InlineData("role", "two\nlines", null)]
    [InlineData("role", null, null)]
    [InlineData("seniority", null, "intern")]
    [InlineData("seniority", null, "2")]
    [InlineData("seniority", null, "junior, lead")]
    public void Bad_role_or_seniority_is_an_invalid_field(string field, string? role, string? seniority)
    {
        var result = DraftInput.Check("Data Engineer", field == "role" ? role ?? new string('r', 101) : null, seniority);

        Assert.Equal((DraftInputFailure.InvalidField, field), (result.Problem!.Failure, result.Problem.Field));
    }

    [Fact]
    public void Blank_role_and_seniority_count_as_not_given()
    {
        Assert.Equal(new DraftRequest("Data Engineer"), DraftInput.Check("Data Engineer", " ", "").Request);
    }
}
