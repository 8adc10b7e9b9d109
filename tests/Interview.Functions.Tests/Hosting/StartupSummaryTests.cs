using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Hosting;

/// <summary>Standalone, once listening, the app says in one block where to go and what runs, from what it really bound.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StartupSummaryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Ready_standalone_prints_one_block_with_the_bound_address_what_runs_and_where_data_lives()
    {
        await using var app = await AppProcess.StartAsync(AppBuilds.Twin, new Dictionary<string, string>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:SessionsTable"] = "summarytable",
            ["Storage:AudioContainer"] = "summary-audio",
            ["Evaluation:TaskHub"] = "summaryhub",
        });
        await Poll.UntilAsync(() => app.Output().Contains("  data ", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the summary");

        var output = app.Output();
        var url = app.Url.ToString().TrimEnd('/');
        var block = output[output.IndexOf("Interview Functions is ready", StringComparison.Ordinal)..].Split('\n').Take(8).ToList();
        Assert.Equal(
        [
            "Interview Functions is ready (laptop twin; Ctrl-C stops it)",
            $"  page       {url}/",
            $"  OpenAPI    {url}/openapi/v1.json",
            "  brain      rules",
            "  speech     none (speech-to-text off, text-to-speech off)",
            "  evaluator  rules",
            "  security   open (no tokens: anyone may call any interview)",
            $"  data       http://127.0.0.1:{azurite.TablePort}/devstoreaccount1 (table summarytable, container summary-audio, task hub " +
                "summaryhub)",
        ], block);
        Assert.Equal(2, output.Split("Interview Functions is ready").Length); // once
        var key = azurite.ConnectionString.Split(';').Single(p
            => p.StartsWith("AccountKey=", StringComparison.Ordinal))["AccountKey=".Length..];
        Assert.DoesNotContain(key, output, StringComparison.Ordinal);
    }
}
