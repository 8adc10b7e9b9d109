using System.Text.RegularExpressions;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.Docs;

/// <summary>The Node receiver docs/webhooks.md shows verifies what this app signs: run against the specification's test vector.</summary>
public sealed partial class WebhookDocsTests
{
    [Fact]
    public async Task The_node_example_verifies_the_specifications_vector_and_refuses_a_changed_body_or_an_old_message()
    {
        var docs = await File.ReadAllTextAsync(Path.Combine(AzuriteFixture.RepoRoot(), "docs", "webhooks.md"));
        var verify = JsBlock().Match(docs[docs.IndexOf("## Verifying in Node", StringComparison.Ordinal)..]).Groups[1].Value;
        var script = Path.Combine(Path.GetTempPath(), $"verify-{Guid.NewGuid():N}.mjs");
        await File.WriteAllTextAsync(script, verify + """

            const headers = { "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek", "webhook-timestamp": "1614265330",
              "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=" };
            const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", body = '{"test": 2432232314}', then = 1614265330 * 1000;
            console.log([verifyWebhook(secret, headers, body, then), verifyWebhook(secret, headers, body + " ", then),
              verifyWebhook(secret, headers, body, then + 10 * 60 * 1000)].join(","));
            """);
        try
        {
            var (exit, output) = await ScriptRun.RunCommandAsync("node", [script], [], TimeSpan.FromSeconds(30));

            Assert.Equal(0, exit);
            Assert.Equal("true,false,false", output.Trim());
        }
        finally
        {
            File.Delete(script);
        }
    }

    [GeneratedRegex(@"```js\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsBlock();
}
