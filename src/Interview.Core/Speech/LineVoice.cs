using System.Security.Cryptography;
using System.Text;
using Interview.Core.Agent;

namespace Interview.Core.Speech;

/// <summary>
/// Synthesizes a line once: its audio is stored under a name made from what it sounds like (the engine's fingerprint
/// and the text), so a line said before (the rules brain's questions, greetings, transitions) is found, not made again.
/// Lines that name the candidate are personal: they are kept under the interview's own prefix, never shared.
/// </summary>
public sealed class LineVoice(ITextToSpeech tts, IAudioStore store)
{
    /// <summary>Shared, content-addressed lines. '~' cannot start an interview id, so no interview's prefix collides.</summary>
    public const string SharedPrefix = "~tts/";

    public string Name(string text, SpeechHints hints, string interviewId, string? candidateName)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{tts.Fingerprint(hints)}\n{text}")))[..40].ToLowerInvariant();
        var personal = candidateName is { Length: > 0 } name && text.Contains(name, StringComparison.OrdinalIgnoreCase);
        return personal ? $"{interviewId}/interviewer/{hash}" : $"{SharedPrefix}{hash}";
    }

    /// <summary>The line's audio under <paramref name="name"/>; the clip when it had to be made, null when it was found.</summary>
    public async Task<AudioClip?> SpeakAsync(string name, string text, SpeechHints hints, CancellationToken ct)
    {
        if (await store.ExistsAsync(name, ct))
        {
            return null;
        }

        var clip = await tts.SynthesizeAsync(text, hints, ct);
        await store.SaveAsAsync(name, clip, ct);
        return clip;
    }

    public async Task<AudioClip?> ReadAsync(string name, CancellationToken ct) => await store.ReadAsync(name, ct);

    public Task SaveAsync(string name, AudioClip clip, CancellationToken ct) => store.SaveAsAsync(name, clip, ct);

    public Task<bool> ExistsAsync(string name, CancellationToken ct) => store.ExistsAsync(name, ct);
}
