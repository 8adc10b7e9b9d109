using System.Security.Cryptography;
using System.Text;
using Interview.Core.Agent;
using Interview.Core.Domain;

namespace Interview.Core.Sessions;

/// <summary>
/// What makes two turn requests the same answer: a hash of the recording (with the words recognised live, if any) or the
/// typed text, and the barge-in fields. A replayed key must carry the same answer, compared in constant time.
/// </summary>
internal static class TurnFingerprint
{
    public static SessionResult<TurnOutcome> Replay(IdempotencyRecord replay, string fingerprint) =>
        CryptographicOperations.FixedTimeEquals(Convert.FromHexString(replay.Fingerprint), Convert.FromHexString(fingerprint))
            ? replay.Outcome
            : SessionResult<TurnOutcome>.Fail(SessionError.IdempotencyKeyReused,
                "This Idempotency-Key was already used for a different answer. Use a new key for a new answer.");

    public static string Of(TurnInput input)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (input.Audio is { } audio)
        {
            hash.AppendData("audio:"u8);
            hash.AppendData(audio.Bytes.Span);
            if (input.Text is { } recognised)
            {
                // The same recording with other words is another answer.
                hash.AppendData("transcript:"u8);
                hash.AppendData(Encoding.UTF8.GetBytes(recognised));
            }
        }
        else
        {
            hash.AppendData("text:"u8);
            hash.AppendData(Encoding.UTF8.GetBytes(input.Text ?? ""));
        }

        // Only when present, so a key stored before barge-in existed still matches its own retry.
        if (input.Interruption is { } heard)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"interrupted:{heard.AtMs}:{heard.HeardChars}"));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
