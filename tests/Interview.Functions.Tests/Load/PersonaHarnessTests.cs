using System.Text.Json.Nodes;

namespace Interview.Functions.Tests.Load;

/// <summary>
/// Small runs of tools/Interview.Personas (scripts/personas runs all nine personas with both brains): two scripted
/// candidates through the HTTP API with the rules brain, each interview to its conclusion and its evaluation.
/// </summary>
[Collection(ToolRun.Collection)]
public sealed class PersonaHarnessTests
{
    [Fact]
    public async Task A_strong_and_a_minimal_candidate_are_interviewed_to_the_end_and_ranked_in_that_order()
    {
        var (exitCode, output, result) = await ToolRun.RunAsync("Interview.Personas", "--personas", "strong,minimal");

        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{output}");
        Assert.Empty(result!["Failures"]!.AsArray());
        var rows = result["Rows"]!.AsArray().ToDictionary(r => (string)r!["Persona"]!, r => r!);
        Assert.All(rows.Values, r =>
        {
            Assert.True((bool)r!["Concluded"]!);
            Assert.Equal(0, (int)r["Repeats"]!);
            Assert.Equal((int)r["Phases"]!, (int)r["PhasesCovered"]!);
        });
        Assert.True((int)rows["strong"]["Score"]! > (int)rows["minimal"]["Score"]!, output);
        Assert.Contains("| strong |", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ranking_the_evaluation_contradicts_fails_the_run()
    {
        var logs = Directory.CreateTempSubdirectory("persona-logs-");
        try
        {
            var (exitCode, output, result) = await ToolRun.RunAsync(
                "Interview.Personas", "--personas", "strong,minimal", "--rank", "minimal>strong", "--logs", logs.FullName);

            Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
            var failure = Assert.Single(result!["Failures"]!.AsArray());
            Assert.StartsWith("ranking: expected minimal (", (string)failure!, StringComparison.Ordinal);
        }
        finally
        {
            logs.Delete(recursive: true);
        }
    }
}
