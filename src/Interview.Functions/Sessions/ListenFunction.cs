using System.Text.RegularExpressions;
using Interview.Core.Sessions;
using Interview.Functions.Speech.Offline;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using static Microsoft.AspNetCore.Http.StatusCodes;
using Interview.Functions.Http;

namespace Interview.Functions.Sessions;

/// <summary>
/// Offline speech hears the answer while it is spoken: the page sends each chunk of its recording here as it records
/// (<c>?stream_id=&amp;seq=</c>, the raw bytes as the body), and the turn that names the <c>stream_id</c> takes the words
/// already recognised. Where the server cannot listen (Azure Speech listens in the page instead, or no ffmpeg) the answer
/// is 404 live_listening_unavailable and the page sends the recording alone, as before.
/// </summary>
public sealed partial class ListenFunction(SessionService sessions, IOptions<InterviewOptions> limits, LiveListening? listening = null)
{
    [Function("ListenToAnswer")]
    [Access(Credential.SessionToken)]
    [Described("session", "Offline speech: the next chunk of the answer being recorded (?stream_id=&seq=), recognised as it arrives")]
    [Body("application/octet-stream", typeof(byte[]), Description = "The next chunk of the recording, as the browser's recorder gives it.")]
    [Returns(Status202Accepted, typeof(ListenResponse))]
    [Refuses(Status400BadRequest, Status404NotFound, Status409Conflict, Status413PayloadTooLarge, Status415UnsupportedMediaType,
        Status503ServiceUnavailable)]
    public async Task<IResult> ListenAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "session/listen/{interview_id}")] HttpRequest request)
    {
        var streamId = request.Query["stream_id"].ToString();
        if (!StreamId.IsValid(streamId) || !int.TryParse(request.Query["seq"], out var seq) || seq < 0)
        {
            return Problems.Create(ErrorCodes.InvalidField,
                "Give stream_id (1-64 characters of A-Za-z0-9_-) and seq (0, 1, 2 … in order).");
        }

        if (listening is not { Available: true })
        {
            return Problems.Create(ErrorCodes.LiveListeningUnavailable,
                "This service does not listen while the candidate speaks (it needs offline speech with ffmpeg); send the recording with " +
                    "the turn.");
        }

        var ct = request.HttpContext.RequestAborted;
        var chunk = await ReadAsync(request, limits.Value.MaxUploadBytes, ct);
        if (chunk is null)
        {
            return Problems.Create(ErrorCodes.UploadTooLarge, $"A recording is limited to {limits.Value.MaxUploadBytes} bytes.");
        }

        if (chunk.Length == 0)
        {
            return Problems.Create(ErrorCodes.EmptyAudio, "The chunk is empty.");
        }

        var id = InterviewId.Of(request);
        // The first chunk proves the interview takes answers; the rest join a stream that exists only for such a one.
        if (seq == 0 && await sessions.GetActiveAsync(id, ct) is { Error: { } error } refused)
        {
            return Problems.From(error, refused.Detail);
        }

        var (heard, received, words) = await listening.HearAsync(id, streamId, seq, chunk, ct);
        return heard switch
        {
            Heard.Taken or Heard.Repeated => TypedResults.Accepted((string?)null, new ListenResponse(streamId, received, words)),
            Heard.OutOfOrder => Problems.Create(ErrorCodes.ListeningOutOfOrder,
                $"Chunk {seq} is not the next one of stream {streamId} (a stream starts at 0); send the recording with the turn."),
            Heard.TooLarge => Problems.Create(ErrorCodes.UploadTooLarge, $"A recording is limited to {limits.Value.MaxUploadBytes} bytes."),
            Heard.UnsupportedFormat => Problems.Create(ErrorCodes.UnsupportedAudioFormat,
                "Only WebM, Ogg, WAV, MP3 and FLAC can be heard as they arrive; send the recording with the turn."),
            _ => Problems.Create(ErrorCodes.ListeningBusy, "Too many answers are being heard at once; send the recording with the turn.",
                TimeSpan.FromSeconds(5)),
        };
    }

    /// <summary>The body, or null when it is longer than a whole recording may be.</summary>
    private static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var block = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(block, ct)) > 0)
        {
            buffer.Write(block, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}

/// <summary>The answer to a chunk: the stream it joined, how much of it has arrived, and the words recognised so far.</summary>
public sealed record ListenResponse(string StreamId, long ReceivedBytes, string Words);

/// <summary>A stream's id is the page's to choose; like an interview id it is short and plain.</summary>
internal static partial class StreamId
{
    public const string Field = "stream_id";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Pattern();
}
