using System.Security.Cryptography;
using System.Text;
using Interview.Core.Agent;

namespace Interview.Core.Speech;

/// <summary>
/// Synthesizes a line once: its audio is stored under a name made from what it sounds like (the engine's fingerprint
/// and the text), so a line said before (the rules brain's questions, greetings, transitions) is found, not made again.
/// Only fixed wording is shared that way (<see cref="FixedLines.IsFixed"/>); every other line, a model's above all, is
/// kept under the interview's own prefix and erased with it.
/// </summary>
public sealed class LineVoice(ITextToSpeech tts, IAudioStore store)
{
    /// <summary>Shared, content-addressed lines. '~' cannot start an interview id, so no interview's prefix collides.</summary>
    public const string SharedPrefix = "~tts/";

    /// <summary>Where the audio of <paramref name="text"/> is kept: shared when it is fixed wording, else the interview's.</summary>
    public string Name(string text, SpeechHints hints, string interviewId, FixedLines fixedLines)
    {
        var key = Encoding.UTF8.GetBytes($"{tts.Fingerprint(hints)}\n{text}");
        var hash = Convert.ToHexString(SHA256.HashData(key))[..40].ToLowerInvariant();
        return fixedLines.IsFixed(text) ? $"{SharedPrefix}{hash}" : $"{interviewId}/interviewer/{hash}";
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
