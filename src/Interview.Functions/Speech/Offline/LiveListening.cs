using Interview.Core.Speech;
using Microsoft.Extensions.Options;
using Interview.Functions.Http;

namespace Interview.Functions.Speech.Offline;

/// <summary>What became of one chunk sent to <see cref="LiveListening.HearAsync"/>.</summary>
public enum Heard
{
    Taken,
    Repeated,
    OutOfOrder,
    TooLarge,
    UnsupportedFormat,
    Busy,
}

/// <summary>
/// Offline recognition while the candidate speaks: the page sends its recording in chunks as it records, each interview's
/// chunks feed one <see cref="ListeningStream"/>, and the turn takes the words already recognised instead of transcribing
/// the whole recording after the candidate stops. Streams live in this instance's memory: one per interview (a new one
/// replaces the old), a few per core, dropped when quiet for <see cref="IdleAfter"/>. A turn that finds no stream (another
/// instance, a restart, a lost chunk) is transcribed whole as before: nothing depends on a stream surviving.
/// </summary>
public sealed partial class LiveListening(
    OfflineEngines engines, IOptions<SpeechOptions> speech, IOptions<InterviewOptions> limits, TimeProvider time,
    ILogger<LiveListening> logger) : IAsyncDisposable
{
    /// <summary>A stream this long without a chunk or a turn is dropped with its processes.</summary>
    public static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(30);

    // pocketsphinx hears in about a fifth of real time, so a core keeps up with four candidates speaking at once.
    private readonly int _capacity = Environment.ProcessorCount * 4;
    private readonly Dictionary<string, ListeningStream> _streams = new(StringComparer.Ordinal);
    private ITimer? _sweep; // started with the first stream: a quiet stream goes even when no request comes

    /// <summary>Live listening needs ffmpeg as well: it is what decodes a recording that is still arriving.</summary>
    public bool Available => engines.CanListen && engines.Ffmpeg is not null;

    /// <returns>What became of the chunk, the bytes heard so far, and the words recognised so far.</returns>
    public async Task<(Heard Outcome, long Received, string Words)> HearAsync(
        string interviewId, string streamId, int seq, byte[] chunk, CancellationToken ct)
    {
        await DropIdleAsync();
        var stream = Find(interviewId, streamId);
        if (stream is null)
        {
            if (seq != 0)
            {
                return (Heard.OutOfOrder, 0, "");
            }

            var (started, refused) = await StartAsync(interviewId, streamId, chunk);
            if (started is null)
            {
                return (refused, 0, "");
            }

            stream = started;
        }

        if (stream.Received + chunk.Length > limits.Value.MaxUploadBytes)
        {
            await DropAsync(interviewId, stream);
            return (Heard.TooLarge, stream.Received, "");
        }

        var taken = await stream.AppendAsync(seq, chunk, time.GetUtcNow(), ct);
        return (taken switch { true => Heard.Taken, null => Heard.Repeated, false => Heard.OutOfOrder }, stream.Received,
            stream.HeardSoFar);
    }

    /// <summary>
    /// The words of the stream the turn names, if it heard exactly <paramref name="recording"/>; null means transcribe it
    /// whole. Either way the stream is finished: one stream, one turn.
    /// </summary>
    public async Task<string?> WordsAsync(string interviewId, string streamId, ReadOnlyMemory<byte> recording, CancellationToken ct)
    {
        if (Find(interviewId, streamId) is not { } stream)
        {
            return null;
        }

        try
        {
            return await stream.FinishAsync(recording, speech.Value.CallTimeout, ct);
        }
        finally
        {
            await DropAsync(interviewId, stream);
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<ListeningStream> all;
        lock (_streams)
        {
            _sweep?.Dispose();
            all = [.. _streams.Values];
            _streams.Clear();
        }

        foreach (var stream in all)
        {
            await stream.DisposeAsync();
        }
    }

    private ListeningStream? Find(string interviewId, string streamId)
    {
        lock (_streams)
        {
            return _streams.TryGetValue(interviewId, out var stream) && stream.Id == streamId ? stream : null;
        }
    }

    private async Task<(ListeningStream?, Heard)> StartAsync(string interviewId, string streamId, byte[] firstChunk)
    {
        if (InputFormat(AudioSniffer.Detect(firstChunk)) is not { } format)
        {
            return (null, Heard.UnsupportedFormat);
        }

        ListeningStream? replaced;
        lock (_streams)
        {
            _streams.TryGetValue(interviewId, out replaced);
            if (replaced is null && _streams.Count >= _capacity)
            {
                return (null, Heard.Busy);
            }
        }

        if (replaced is not null)
        {
            await DropAsync(interviewId, replaced); // an answer abandoned for a new one
        }

        var stream = ListeningStream.Start(streamId, engines, format, PocketsphinxSpeechToText.DecodingCaps(limits.Value),
            time.GetUtcNow());
        lock (_streams)
        {
            _streams[interviewId] = stream;
            _sweep ??= time.CreateTimer(_ => _ = DropIdleAsync(), null, IdleAfter, IdleAfter);
        }

        Log.Started(logger, interviewId);
        return (stream, Heard.Taken);
    }

    private async Task DropAsync(string interviewId, ListeningStream stream)
    {
        lock (_streams)
        {
            if (_streams.TryGetValue(interviewId, out var current) && current == stream)
            {
                _streams.Remove(interviewId);
            }
        }

        await stream.DisposeAsync();
    }

    private async Task DropIdleAsync()
    {
        var cutoff = time.GetUtcNow() - IdleAfter;
        List<KeyValuePair<string, ListeningStream>> idle;
        lock (_streams)
        {
            idle = [.. _streams.Where(s => s.Value.LastHeard < cutoff)];
        }

        foreach (var (interviewId, stream) in idle)
        {
            await DropAsync(interviewId, stream);
        }
    }

    /// <summary>The containers a recorder streams (MP4 keeps its index at the end, so it cannot be decoded as it comes).</summary>
    private static string? InputFormat(AudioFormat format) => format switch
    {
        AudioFormat.WebM => "webm",
        AudioFormat.Ogg => "ogg",
        AudioFormat.Wav => "wav",
        AudioFormat.Mp3 => "mp3",
        AudioFormat.Flac => "flac",
        _ => null,
    };

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Debug, Message = "Listening to interview {InterviewId} as it speaks")]
        public static partial void Started(ILogger logger, string interviewId);
    }
}
