using System.Diagnostics;
using System.Security.Cryptography;

namespace Interview.Functions.Speech.Offline;

/// <summary>
/// One answer heard while it is spoken: ffmpeg decodes the recording's chunks as they arrive into 16 kHz samples, which
/// pocketsphinx recognises as they arrive, so when the candidate stops only the last moment is left to decode. The
/// bytes are hashed as they come, so the turn can prove the recording it uploads is the one that was heard.
/// </summary>
internal sealed class ListeningStream : IAsyncDisposable
{
    private readonly Process _decoder;
    private readonly Process _recogniser;
    private readonly Task<string> _words;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly SemaphoreSlim _oneAtATime = new(1);
    private readonly List<string> _phrases = [];

    private ListeningStream(string id, Process decoder, Process recogniser)
    {
        Id = id;
        _decoder = decoder;
        _recogniser = recogniser;
        // Samples flow from one tool to the other here; the recogniser prints a line per utterance and stops at the end.
        var pump = decoder.StandardOutput.BaseStream.CopyToAsync(recogniser.StandardInput.BaseStream)
            .ContinueWith(_ => recogniser.StandardInput.Close(), TaskScheduler.Default);
        _words = ReadWordsAsync(recogniser, pump);
        _ = decoder.StandardError.ReadToEndAsync(); // drained so a chatty tool never blocks on a full pipe
        _ = recogniser.StandardError.ReadToEndAsync();
    }

    public string Id { get; }

    public int NextSeq { get; private set; }

    public long Received { get; private set; }

    public DateTimeOffset LastHeard { get; private set; }

    /// <summary>The phrases recognised so far (each ends at a pause), for the page to show while the candidate speaks.</summary>
    public string HeardSoFar
    {
        get
        {
            lock (_phrases)
            {
                return string.Join(' ', _phrases);
            }
        }
    }

    /// <param name="inputFormat">ffmpeg's name for the container (webm, ogg, wav …): a pipe cannot be probed at leisure.</param>
    /// <param name="decoderArguments">Where the decoder stops (seconds, bytes): the same caps as a whole recording.</param>
    public static ListeningStream Start(
        string id, OfflineEngines engines, string inputFormat, IEnumerable<string> decoderArguments, DateTimeOffset now)
    {
        var decoder = Run(engines.Ffmpeg!,
            ["-nostdin", "-hide_banner", "-loglevel", "error", "-probesize", "32", "-analyzeduration", "0",
             "-f", inputFormat, "-i", "pipe:0", .. decoderArguments, "-ar", "16000", "-ac", "1", "-f", "s16le", "pipe:1"]);
        Process recogniser;
        try
        {
            recogniser = Run(engines.Pocketsphinx!, PocketsphinxSpeechToText.Arguments(engines, "/dev/stdin"));
        }
        catch
        {
            decoder.Kill();
            decoder.Dispose();
            throw;
        }

        return new ListeningStream(id, decoder, recogniser) { LastHeard = now };
    }

    /// <summary>Adds the next chunk; false when it is not the next one (an earlier one repeated is taken as done).</summary>
    public async Task<bool?> AppendAsync(int seq, byte[] chunk, DateTimeOffset now, CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            if (seq != NextSeq)
            {
                return seq < NextSeq ? null : false;
            }

            await _decoder.StandardInput.BaseStream.WriteAsync(chunk, ct);
            await _decoder.StandardInput.BaseStream.FlushAsync(ct);
            _hash.AppendData(chunk);
            (NextSeq, Received, LastHeard) = (NextSeq + 1, Received + chunk.Length, now);
            return true;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>
    /// Ends the stream and returns its words, when <paramref name="recording"/> is exactly what was heard and the tools
    /// finish within <paramref name="timeout"/>; otherwise null, and the recording is transcribed whole as before.
    /// </summary>
    public async Task<string?> FinishAsync(ReadOnlyMemory<byte> recording, TimeSpan timeout, CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            if (recording.Length != Received || !SHA256.HashData(recording.Span).AsSpan().SequenceEqual(_hash.GetCurrentHash()))
            {
                return null;
            }

            _decoder.StandardInput.Close();
            var text = await _words.WaitAsync(timeout, ct);
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or InvalidOperationException)
        {
            return null;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { _decoder, _recogniser })
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill();
                    await process.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException)
            {
                // It ended by itself in between.
            }

            process.Dispose();
        }

        _hash.Dispose();
        _oneAtATime.Dispose();
    }

    /// <summary>pocketsphinx prints a line as each utterance ends (a pause), so the phrases come while the candidate speaks.</summary>
    private async Task<string> ReadWordsAsync(Process recogniser, Task pump)
    {
        while (await recogniser.StandardOutput.ReadLineAsync() is { } line)
        {
            if (PocketsphinxSpeechToText.Words(line) is { Length: > 0 } phrase)
            {
                lock (_phrases)
                {
                    _phrases.Add(phrase);
                }
            }
        }

        await pump;
        await recogniser.WaitForExitAsync();
        if (recogniser.ExitCode != 0)
        {
            throw new InvalidOperationException($"pocketsphinx exited with {recogniser.ExitCode}.");
        }

        return HeardSoFar;
    }

    private static Process Run(string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
    }
}
