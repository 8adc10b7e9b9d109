using System.Reflection;
using Interview.Functions.Hosting;

namespace Interview.Functions.Tests.Docs;

/// <summary>docs/running.md's start-up exit codes are the ones StartupFailure returns, no more and no fewer.</summary>
public sealed class ExitCodeTableTests
{
    [Fact]
    public void Every_startup_exit_code_is_documented_and_every_documented_one_exists()
    {
        var codes = typeof(StartupFailure).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int)).Select(f => (int)f.GetRawConstantValue()!).Order().ToList();

        var documented = DocTables.Rows("docs/running.md", "exit code", "start-up failed because").Select(row
            => int.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();

        Assert.Equal(codes, documented);
    }
}
