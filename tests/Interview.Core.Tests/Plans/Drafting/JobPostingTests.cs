using Interview.Core.Drafting;

namespace Interview.Core.Tests.Plans.Drafting;

public sealed class JobPostingTests
{
    [Theory]
    [InlineData("## Senior Data Engineer (Remote) - Acme\nWe build data.", "Senior Data Engineer")]
    [InlineData("About Acme\nAcme sells boxes.\nJob title: Warehouse Operations Lead\n", "Warehouse Operations Lead")]
    [InlineData("Acme sells boxes. We're looking for a customer success manager to own our accounts.", "Customer Success Manager")]
    [InlineData("Customer Success Manager at Northwind\n", "Customer Success Manager")]
    [InlineData("Acme is hiring!\nCome build with us.", null)]
    public void Title_is_read_from_a_label_a_heading_or_the_prose(string text, string? title) =>
        Assert.Equal(title, JobPosting.Read(text).Title);

    [Theory]
    [InlineData("Junior Frontend Developer", "", Seniority.Junior)]
    [InlineData("Sr. Backend Engineer", "", Seniority.Senior)]
    [InlineData("Staff Engineer", "", Seniority.Lead)]
    [InlineData("Head of Data", "", Seniority.Lead)]
    [InlineData("Backend Engineer", "You have 6+ years of experience.", Seniority.Senior)]
    [InlineData("Backend Engineer", "0-1 years of experience.", Seniority.Junior)]
    [InlineData("Backend Engineer", "3+ years of experience.", Seniority.Mid)]
    public void Seniority_is_suggested_by_the_title_then_the_years(string role, string text, Seniority level) =>
        Assert.Equal(level, JobPosting.Read(text).SuggestedSeniority(role));

    [Fact]
    public void Bullets_and_full_stops_split_sentences_but_abbreviations_do_not()
    {
        var posting = JobPosting.Read("We use tools, e.g. Kafka and Node.js. We ship daily!\n- First bullet\n* Second bullet");

        Assert.Equal(["We use tools, e.g. Kafka and Node.js", "We ship daily", "First bullet", "Second bullet"],
            posting.Sentences.Select(s => s.Text));
        Assert.Equal("First bullet", posting.Text.Substring(posting.Sentences[2].Start, "First bullet".Length));
    }
}
