using System.Text.Json.Nodes;
using Interview.Functions.Hosting;
using Interview.Functions.Tests.Infrastructure;
using Interview.Local.Functions;
using Interview.Functions.Http;

namespace Interview.Functions.Tests.Hosting;

/// <summary>
/// The Functions host's indexing rules (<see cref="FunctionAppRules"/>) over what azd deploys, over deliberately bad
/// functions, and in the twin, which must refuse to start on exactly what the host would refuse.
/// </summary>
public sealed class FunctionAppRulesTests
{
    [Fact]
    public void Published_functions_pass_every_rule_of_the_host()
    {
        var published = FunctionAppManifest.Load(AppBuilds.Package);

        Assert.Empty(FunctionAppRules.Check(published));
        Assert.Equal(31, published.Functions.Count(f => f.HttpTrigger is not null));
    }

    [Fact]
    public void Every_http_function_is_anonymous_at_the_host_and_declares_the_credential_the_app_checks()
    {
        foreach (var function in FunctionAppManifest.Load(AppBuilds.Package).Functions.Where(f => f.HttpTrigger is not null))
        {
            Assert.Equal("Anonymous", function.HttpTrigger!.AuthLevel);
            Assert.NotNull(HttpFunctions.Find(function.Name)?.Access); // [Access]: a token, the admin key, or anyone by design
        }
    }

    private const string Hourly = """{"type":"timerTrigger","name":"timer","direction":"In","schedule":"0 0 * * * *"}""";

    [Theory]
    [InlineData("Reserved", """{"type":"httpTrigger","name":"req","direction":"In","authLevel":"Anonymous","methods":""" +
        """["get"],"route":"Admin/x"}""",
        "starts with 'admin'")]
    [InlineData("Runtime", """{"type":"httpTrigger","name":"req","direction":"In","authLevel":"Anonymous","methods":""" +
        """["get"],"route":"/runtime"}""",
        "starts with 'runtime'")]
    [InlineData("SameRoute", """{"type":"httpTrigger","name":"req","direction":"In","authLevel":"Anonymous","methods":""" +
        """["post"],"route":"Session/Start/{interview_id}/"}""",
        "conflict with function StartSession")]
    [InlineData("AnyMethod", """{"type":"httpTrigger","name":"req","direction":"In","authLevel":"Anonymous","route":"health"}""",
        "conflict with function Health")]
    [InlineData("1-starts-with-a-digit", Hourly, "not a valid function name")]
    [InlineData("host", Hourly, "not a valid function name")]
    [InlineData("NoExtension", """{"type":"serviceBusTrigger","name":"message","direction":"In","queueName":"q"}""",
        "binding type 'serviceBusTrigger' has no extension in extensions.json")]
    [InlineData("NoTrigger", """{"type":"durableClient","name":"client","direction":"In"}""", "no trigger binding")]
    [InlineData("BadBindingName", """{"type":"timerTrigger","name":"my_timer","direction":"In","schedule":"0 0 * * * *"}""",
        "binding name 'my_timer' is invalid")]
    [InlineData("KeyNeeded", """{"type":"httpTrigger","name":"req","direction":"In","authLevel":"Function","methods":""" +
        """["get"],"route":"keyed"}""",
        "authLevel 'Function'")]
    public void A_function_the_host_would_refuse_is_caught(string name, string binding, string expected)
    {
        var problems = FunctionAppRules.Check(WithBadFunction(name, binding));

        Assert.Equal(name, Assert.Single(problems).Split(':')[0]);
        Assert.Contains(expected, problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Twin_refuses_to_start_with_exit_5_on_functions_the_host_would_refuse()
    {
        var folder = Directory.CreateTempSubdirectory("twin-bad-").FullName;
        try
        {
            var twin = Path.GetDirectoryName(AppBuilds.Twin)!;
            foreach (var file in Directory.EnumerateFiles(twin, "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(folder, Path.GetRelativePath(twin, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }

            var bad = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "functions.metadata")))!.AsArray();
            bad.Add(Function("AdminDashboard",
                """{"type":"httpTrigger","name":"req","direction":"In","authLevel":"Anonymous","methods":["get"],"route":"admin/dash"}"""));
            File.WriteAllText(Path.Combine(folder, "functions.metadata"), bad.ToJsonString());

            var exited = await AppProcess.RunUntilExitAsync(Path.Combine(folder, "Interview.Local.dll"), new Dictionary<string, string?>());

            Assert.Equal(StartupFailure.FunctionsRefused, exited.ExitCode);
            Assert.StartsWith("Start-up failed: the Azure Functions host would not index these functions", exited.Stderr,
                StringComparison.Ordinal);
            Assert.Contains("AdminDashboard: route 'admin/dash' starts with 'admin'", exited.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", exited.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The published app with one more function, as the Functions SDK would have written it into functions.metadata.</summary>
    private static FunctionAppManifest WithBadFunction(string name, string binding)
    {
        var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(AppBuilds.Package, "functions.metadata")))!.AsArray();
        metadata.Add(Function(name, binding));
        return FunctionAppManifest.Parse(metadata.ToJsonString(), File.ReadAllText(Path.Combine(AppBuilds.Package, "extensions.json")));
    }

    private static JsonNode Function(string name, string binding) => new JsonObject
    {
        ["name"] = name,
        ["scriptFile"] = "Interview.Functions.dll",
        ["entryPoint"] = $"Interview.Functions.Bad.{name}.RunAsync",
        ["language"] = "dotnet-isolated",
        ["bindings"] = new JsonArray(JsonNode.Parse(binding)),
    };
}
