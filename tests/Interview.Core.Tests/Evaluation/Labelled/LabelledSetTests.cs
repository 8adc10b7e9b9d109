using System.Globalization;
using Interview.Core.Evaluation;

namespace Interview.Core.Tests.Evaluation.Labelled;

/// <summary>The rules evaluator against transcripts a person labelled: the verdict agrees with the band, and bands stay apart.</summary>
public sealed class LabelledSetTests
{
    public static TheoryData<string> Styles => [.. LabelledSet.All.Select(t => t.Style)];

    [Theory]
    [MemberData(nameof(Styles))]
    public async Task Recommendation_agrees_with_the_band_a_person_gave(string style)
    {
        var labelled = LabelledSet.Named(style);

        var report = await RulesReports.BuildAsync(labelled.Turns);

        Assert.Contains(report.Overall.Recommendation, labelled.Acceptable);
    }

    [Fact]
    public async Task Every_strong_candidate_scores_above_every_average_one_and_every_average_above_every_weak_one()
    {
        var reports = await ReportsAsync();
        double Lowest(Band band) => reports.Where(r => r.Labelled.Expected == band).Min(r => Mean(r.Report));
        double Highest(Band band) => reports.Where(r => r.Labelled.Expected == band).Max(r => Mean(r.Report));

        Assert.True(Lowest(Band.Strong) > Highest(Band.Average), "strong above average");
        Assert.True(Lowest(Band.Average) > Highest(Band.Weak), "average above weak");
    }

    [Fact]
    public async Task Every_strong_candidate_gets_a_higher_overall_score_than_every_weak_one()
    {
        var reports = await ReportsAsync();
        int[] Scores(Band band) => [.. reports.Where(r => r.Labelled.Expected == band).Select(r => r.Report.Overall.Score)];

        Assert.True(Scores(Band.Strong).Min() > Scores(Band.Weak).Max());
    }

    [Fact]
    public void Set_has_at_least_four_transcripts_in_each_band() =>
        Assert.All(Enum.GetValues<Band>(), band => Assert.True(LabelledSet.All.Count(t => t.Expected == band) >= 4, band.ToString()));

    [Fact]
    public async Task Evaluation_doc_table_shows_what_each_transcript_gets()
    {
        var expected = (await ReportsAsync()).Select(r =>
            $"{r.Labelled.Style} | {r.Labelled.Expected.ToString().ToLowerInvariant()} | " +
            $"{r.Report.Overall.Recommendation} ({Mean(r.Report).ToString("0.0", CultureInfo.InvariantCulture)})");

        Assert.Equal(expected, DocRows("| transcript style | expected band | got (average) |"));
    }

    private static double Mean(EvaluationReport report) => report.Competencies.Average(c => c.Score);

    private static async Task<List<(LabelledTranscript Labelled, EvaluationReport Report)>> ReportsAsync()
    {
        var reports = new List<(LabelledTranscript, EvaluationReport)>();
        foreach (var labelled in LabelledSet.All)
        {
            reports.Add((labelled, await RulesReports.BuildAsync(labelled.Turns)));
        }

        return reports;
    }

    private static List<string> DocRows(string header)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "README.md")) || !File.Exists(Path.Combine(dir.FullName, "InterviewFunctions.sln")))
        {
            dir = dir.Parent;
        }

        var lines = File.ReadAllLines(Path.Combine(dir.FullName, "docs", "evaluation.md")).Select(l => l.Trim()).ToList();
        var start = lines.IndexOf(header);
        Assert.True(start >= 0, $"docs/evaluation.md has no table headed {header}");
        return lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => string.Join(" | ", l.Trim('|').Split('|').Select(c => c.Trim().Trim('`')))).ToList();
    }
}
