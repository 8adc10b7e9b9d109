using System.Collections.Concurrent;
using Interview.Core.Agent;
using Interview.Core.Speech;

namespace Interview.Core.Tests.TestDoubles;

/// <summary>Records what a streamed turn sends: text deltas (and resets) and each sentence's audio.</summary>
internal sealed class Events : ITurnEvents
{
    public ConcurrentQueue<(string Delta, bool Reset)> TextQueue { get; } = new();

    public List<(string Delta, bool Reset)> Text => [.. TextQueue];

    public List<(int Index, string Text, string Ref)> Spoken { get; } = [];

    public void Transcript(Transcript transcript)
    {
    }

    void ITurnEvents.Text(string delta, bool reset) => TextQueue.Enqueue((delta, reset));

    public void Audio(int index, string text, string audioRef)
    {
        lock (Spoken)
        {
            Spoken.Add((index, text, audioRef));
        }
    }
}
