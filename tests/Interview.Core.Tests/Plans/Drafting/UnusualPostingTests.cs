using System.Text;
using Interview.Core.Plans;
using Interview.Core.Drafting;

namespace Interview.Core.Tests.Plans.Drafting;

/// <summary>Whatever passes the input checks drafts a plan the plan rules accept.</summary>
public sealed class UnusualPostingTests
{
    public static TheoryData<string, string?> Postings => new()
    {
        { ".", null },
        { "Ingénieur logiciel\nNous cherchons une personne curieuse pour notre équipe à Paris.", null },
        { string.Concat(Enumerable.Repeat("Kafka, dbt and Airflow experience. ", 570)), null },
        { EveryKnownTerm(), null },
        { "Experience with " + string.Join(", ", Enumerable.Range(0, 200).Select(i => $"Tool{i}X")) + ".", null },
        { "Experience with AVeryLongCamelCaseWordThatGoesOnAndOnForeverAndEverMore and S3.", null },
        { "Senior Staff Principal Lead Engineer Manager Director Head\nWe build.", null },
        { JobDescriptions.DataEngineer, new string('R', 100) },
        { JobDescriptions.DataEngineer, "{term} {term2} Engineer" },
        { "REQUIREMENTS\nKAFKA\nSQL\nDBT", null },
    };

    [Theory]
    [MemberData(nameof(Postings))]
    public void Unusual_posting_drafts_a_valid_plan(string posting, string? role)
    {
        Assert.True(DraftInput.Check(posting, role).Succeeded);

        var plan = Drafts.Of(posting, role);

        Assert.Empty(PlanRules.Problems(plan));
        var unfilled = Drafts.Questions(plan).Select(q => q.Replace(plan.Role, "", StringComparison.Ordinal));
        Assert.All(unfilled, q => Assert.DoesNotContain("{", q, StringComparison.Ordinal));
    }

    private static string EveryKnownTerm()
    {
        var text = new StringBuilder("Platform Engineer\n");
        foreach (var competency in CompetencyLibrary.LoadEmbedded().Competencies)
        {
            text.AppendLine($"- Experience with {string.Join(", ", competency.Terms)} for {string.Join(", ", competency.Signals)}.");
        }

        return text.ToString();
    }
}
