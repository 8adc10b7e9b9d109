using System.Text;
using Interview.Core.Speech;

namespace Interview.Core.Agent;

/// <summary>Where a line being written is cut into the pieces that are spoken one by one.</summary>
internal static class LinePieces
{
    /// <summary>
    /// The end of the next piece to speak after <paramref name="from"/>: a sentence (terminal punctuation and the space
    /// after it). The <paramref name="first"/> piece of a line may also end at a clause (a comma, semicolon or colon after
    /// five words or more): the candidate hears the interviewer begin a clause sooner, which is what the silence is.
    /// </summary>
    public static int? SentenceEnd(StringBuilder text, int from, bool first)
    {
        var words = 0;
        for (var i = from; i + 1 < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i + 1]))
            {
                continue;
            }

            words++;
            if ((text[i] is '.' or '!' or '?' && i - from >= 12) || (first && text[i] is ',' or ';' or ':' && words >= 5))
            {
                return i + 1;
            }
        }

        return null;
    }

    public static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A sentence of a line being spoken: its place, its words, and its audio on the way.</summary>
internal sealed record LineSentence(int Index, string Text, Task<SentenceAudio?> Audio);

/// <summary>A sentence's stored audio; <see cref="Clip"/> is its bytes when it was just made, null when found.</summary>
internal sealed record SentenceAudio(string Name, AudioClip? Clip);
