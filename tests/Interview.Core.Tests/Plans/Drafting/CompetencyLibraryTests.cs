using Interview.Core.Drafting;

namespace Interview.Core.Tests.Plans.Drafting;

public sealed class CompetencyLibraryTests
{
    private static readonly CompetencyLibrary Library = CompetencyLibrary.LoadEmbedded();

    [Fact]
    public void Embedded_library_is_valid()
    {
        Assert.Empty(Library.Problems());
    }

    [Fact]
    public void Library_covers_engineering_data_product_design_customer_operations_and_leadership()
    {
        Assert.True(Library.Competencies.Count >= 14);
        Assert.Subset(Library.Competencies.Select(c => c.Family).ToHashSet(), Enum.GetValues<CompetencyFamily>().ToHashSet());
        Assert.All(Library.Competencies, c => Assert.NotEmpty(c.Signals));
    }

    [Fact]
    public void Every_competency_has_two_or_more_templates_with_placeholders()
    {
        Assert.All(Library.Competencies, c => Assert.True(c.Questions.Count(q => q.Placeholders.Any()) >= 2, c.Name));
        Assert.All(Library.Competencies.SelectMany(c => c.Questions),
            q => Assert.Empty(q.Placeholders.Except(QuestionTemplate.KnownPlaceholders)));
    }

    [Fact]
    public void Question_ids_are_unique_across_competencies()
    {
        var owners = Library.Competencies.SelectMany(c => c.QuestionGroups.Select(g => (g.Key, c.Name))).ToList();

        Assert.Equal(owners.Count, owners.Select(o => o.Key).Distinct().Count());
    }

    [Fact]
    public void Signals_and_keywords_are_lowercase_stems_and_terms_are_unique()
    {
        Assert.All(Library.Competencies.SelectMany(c => c.Signals.Concat(c.Keywords)), s => Assert.Equal(s.ToLowerInvariant(), s));
        Assert.All(Library.Competencies, c => Assert.Equal(c.Terms.Count, c.Terms.Distinct(StringComparer.OrdinalIgnoreCase).Count()));
    }

    [Fact]
    public void Library_with_too_few_plain_questions_is_refused()
    {
        var first = Library.Competencies[0];
        var broken = Library with
        {
            Competencies =
            [
                first with { Questions = [new QuestionTemplate("only", "Tell me about {term}.")] },
                .. Library.Competencies.Skip(1),
            ],
        };

        var problem = $"competency '{first.Name}' has fewer than two questions";
        Assert.Contains(broken.Problems(), p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Template_fills_role_and_terms_in_order()
    {
        var template = new QuestionTemplate("t", "As {role}, which of {term}, {term2} or {term3}?");

        Assert.Equal(3, template.TermsNeeded);
        Assert.Equal("As Analyst, which of SQL, dbt or Looker?", template.Fill("Analyst", ["SQL", "dbt", "Looker", "Excel"]));
        Assert.False(template.Fits(Seniority.Mid, 2));
        Assert.False(new QuestionTemplate("t", "{role}", [Seniority.Junior]).Fits(Seniority.Senior, 0));
    }
}
