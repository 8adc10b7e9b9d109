namespace Interview.Functions.Tests.Infrastructure;

/// <summary>Where the builds the tests start live, for the configuration the tests were built in (scripts/test: Release).</summary>
internal static class AppBuilds
{
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>
    /// The function app's build output: functions.metadata, extensions.json and worker.config.json as the SDK wrote them.
    /// </summary>
    public static string FunctionApp { get; } =
        Path.Combine(AzuriteFixture.RepoRoot(), "src", "Interview.Functions", "bin", Configuration, "net10.0");

    /// <summary>The worker as the Functions host would start it, from its build output.</summary>
    public static string Worker { get; } = Path.Combine(FunctionApp, "Interview.Functions.dll");

    /// <summary>The laptop twin scripts/run starts.</summary>
    public static string Twin { get; } =
        Path.Combine(AzuriteFixture.RepoRoot(), "src", "Interview.Local", "bin", Configuration, "net10.0", "Interview.Local.dll");

    /// <summary>What scripts/package publishes and azd deploys.</summary>
    public static string Package { get; } = Path.Combine(AzuriteFixture.RepoRoot(), "artifacts", "functionapp");
}
