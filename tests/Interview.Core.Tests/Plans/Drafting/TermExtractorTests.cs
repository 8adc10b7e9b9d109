using Interview.Core.Drafting;

namespace Interview.Core.Tests.Plans.Drafting;

public sealed class TermExtractorTests
{
    private static readonly TermExtractor Extractor = new(CompetencyLibrary.LoadEmbedded());

    [Fact]
    public void Known_terms_are_found_in_the_librarys_spelling()
    {
        var terms = Extract("Experience with KAFKA, DBT and Postgresql. You'll write TypeScript.");

        Assert.Equal(["Kafka", "dbt", "PostgreSQL", "TypeScript"], terms.Select(t => t.Text));
        Assert.All(terms, t => Assert.True(t.Known && t.Key));
    }

    [Fact]
    public void Common_words_that_look_like_known_terms_are_not_terms()
    {
        var terms = Extract("The rest of the team will excel at this, and we go fast. Rest assured.");

        Assert.Empty(terms);
    }

    [Fact]
    public void Technical_looking_words_are_key_terms_anywhere()
    {
        var terms = Extract("You will tune ClickHouse, S3 buckets and our GraphQL gateway in Node.js and C# for 150k users, 24h a day.");

        Assert.Equal(["ClickHouse", "S3", "GraphQL", "Node.js", "C#"], terms.Select(t => t.Text));
        Assert.All(terms, t => Assert.True(t.Key));
    }

    [Fact]
    public void Capitalized_words_name_tools_only_after_a_cue()
    {
        var terms = Extract("Our office in Lisbon is great. Experience with Apache Beam, Metabase and Looker is a plus.");

        Assert.Equal([("Lisbon", false), ("Apache Beam", true), ("Metabase", true), ("Looker", true)], terms.Select(t => (t.Text, t.Key)));
    }

    [Fact]
    public void Headings_sentence_starts_and_role_words_are_not_terms()
    {
        var terms = Extract("What You'll Do\nREQUIREMENTS\nBuilding things is fun. As a Platform Engineer you build things.",
            role: "Platform Engineer");

        Assert.Empty(terms);
    }

    [Fact]
    public void Terms_remember_their_sentences()
    {
        var terms = Extract("- Kafka every day.\n- Kafka and Airflow at night.");

        Assert.Equal([0, 1], terms.Single(t => t.Text == "Kafka").Sentences);
        Assert.Equal([1], terms.Single(t => t.Text == "Airflow").Sentences);
    }

    private static IReadOnlyList<JobTerm> Extract(string text, string role = "Engineer") => Extractor.Extract(JobPosting.Read(text), role);
}
