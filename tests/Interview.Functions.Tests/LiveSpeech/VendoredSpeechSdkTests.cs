using System.Text.Json.Nodes;
using Interview.Functions.Tests.Infrastructure;

namespace Interview.Functions.Tests.LiveSpeech;

/// <summary>The candidate page loads the Speech SDK from vendor/: it must be the version package.json pins, with its license.</summary>
public sealed class VendoredSpeechSdkTests
{
    private const string Package = "microsoft-cognitiveservices-speech-sdk";

    [Fact]
    public void The_vendored_speech_sdk_bundle_is_the_pinned_package_with_its_license()
    {
        var root = AzuriteFixture.RepoRoot();
        var pinned = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(root, "package.json")))!["devDependencies"]![Package]!;
        var installed = Path.Combine(root, "node_modules", Package);
        var vendored = File.ReadAllText(Path.Combine(root, "src/Interview.Pages/vendor/speech-sdk.min.js"));

        Assert.Contains($"SPEECHSDK_CLIENTSDK_VERSION=\"{pinned}\"", vendored, StringComparison.Ordinal);
        var license = File.ReadAllText(Path.Combine(root, "src/Interview.Pages/vendor/speech-sdk.LICENSE"));
        Assert.Contains("Microsoft Azure Cognitive Services Speech SDK", license, StringComparison.Ordinal);
        if (Directory.Exists(installed)) // after npm ci: byte for byte (scripts/vendor-speech-sdk refreshes the copy)
        {
            var bundle = Path.Combine(installed, "distrib/browser/microsoft.cognitiveservices.speech.sdk.bundle-min.js");
            Assert.Equal(File.ReadAllText(bundle), vendored);
        }
    }
}
