using Interview.Core.Agent;
using Interview.Core.Speech;
using Interview.Functions.Speech.Offline;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Interview.Functions.Http;

namespace Interview.Functions.Sessions;

/// <summary>
/// Reads a turn's multipart body: an "audio" file part or a "text" field. Every way a body can be wrong maps to a problem here, before
/// anything is loaded or written; whether a recording can be answered is the <see cref="AudioGate"/>'s call.
/// </summary>
internal static class TurnRequestReader
{
    /// <param name="listening">Offline speech that may have heard the recording as it was made (the turn's stream_id).</param>
    public static async Task<(TurnInput? Input, IResult? Problem)> ReadAsync(
        HttpRequest request, InterviewOptions limits, LiveListening? listening, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(ErrorCodes.NotMultipart, "Send the answer as multipart/form-data with an 'audio' file or a 'text' field.");
        }

        if (request.ContentLength > limits.MaxUploadBytes + FormOverhead)
        {
            return TooLarge(limits);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(FormOptionsFor(limits), ct);
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("length limit", StringComparison.OrdinalIgnoreCase))
        {
            return TooLarge(limits);
        }
        catch (InvalidDataException ex) when (ex.Message.Contains("count limit", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(ErrorCodes.TooManyParts, "A turn has one part: 'audio' or 'text'.");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limits);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Fail(ErrorCodes.MalformedBody, "The multipart body could not be read.");
        }

        var (interruption, badInterruption) = InterruptionFields.Read(form);
        if (badInterruption is not null)
        {
            return (null, badInterruption);
        }

        var (input, problem) = await ReadAnswerAsync(form, limits, (listening, InterviewId.Of(request)), ct);
        return (input is null ? null : input with { Interruption = interruption }, problem);
    }

    private static async Task<(TurnInput? Input, IResult? Problem)> ReadAnswerAsync(
        IFormCollection form, InterviewOptions limits, (LiveListening? Listening, string InterviewId) heard, CancellationToken ct)
    {
        var audio = form.Files.GetFile("audio");
        var hasText = form.TryGetValue("text", out var text);
        var (recognised, transcriptProblem) = RecognisedTranscript.Read(form, audio is not null, limits);
        var (streamId, streamProblem) = RecognisedTranscript.ReadStream(form, audio is not null);
        if ((transcriptProblem ?? streamProblem) is { } problem)
        {
            return (null, problem);
        }

        var live = heard.Listening is { } listening && streamId is not null ? new HeardLive(listening, heard.InterviewId, streamId) : null;

        return (audio, hasText) switch
        {
            (not null, true) => Fail(ErrorCodes.AmbiguousAnswer, "Send either an 'audio' file or a 'text' field, not both."),
            (null, false) => Fail(ErrorCodes.MissingAnswer, "Send the answer as an 'audio' file part or a 'text' field."),
            (null, true) when TextProblem(text.ToString(), "text", limits) is { } textProblem => (null, textProblem),
            (null, true) => (TurnInput.FromText(text.ToString()), null),
            (not null, _) when audio.Length == 0 => Fail(ErrorCodes.EmptyAudio, "The 'audio' part is empty."),
            (not null, _) when audio.Length > limits.MaxUploadBytes => TooLarge(limits),
            (not null, _) => (await RecognisedTranscript.InputAsync(await ReadAudioAsync(audio, ct), recognised, live, ct), null),
        };
    }

    /// <summary>Whatever a person's words arrive as (typed, or recognised in the page) is held to the same limits.</summary>
    internal static IResult? TextProblem(string text, string field, InterviewOptions limits) =>
        text.Length > limits.MaxTextChars
            ? Problems.Create(ErrorCodes.TextTooLong, $"Answers are limited to {limits.MaxTextChars} characters.")
        : !IsCleanText(text) ? Problems.Create(ErrorCodes.InvalidText,
            $"The '{field}' field must be valid UTF-8 without control characters.")
        : null;

    /// <summary>Invalid UTF-8 arrives as U+FFFD; control characters (bar tab and line breaks) have no place in an answer.</summary>
    private static bool IsCleanText(string text) =>
        !text.Contains('\uFFFD', StringComparison.Ordinal) && !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    // Boundaries and part headers around the audio itself.
    private const long FormOverhead = 64 * 1024;

    private static FormOptions FormOptionsFor(InterviewOptions limits) => new()
    {
        MultipartBodyLengthLimit = limits.MaxUploadBytes + FormOverhead,
        ValueCountLimit = 16,
        ValueLengthLimit = limits.MaxTextChars * 4 + 1024,
        MultipartHeadersCountLimit = 16,
        MultipartHeadersLengthLimit = 16 * 1024,
        BufferBodyLengthLimit = limits.MaxUploadBytes + FormOverhead,
    };

    /// <summary>The media type comes from the bytes, never from the browser's filename ("blob") or declared type.</summary>
    private static async Task<AudioClip> ReadAudioAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        return new AudioClip(bytes, AudioSniffer.MediaType(AudioSniffer.Detect(bytes)));
    }

    private static (TurnInput?, IResult?) TooLarge(InterviewOptions limits) =>
        Fail(ErrorCodes.UploadTooLarge, $"Uploads are limited to {limits.MaxUploadBytes} bytes.");

    private static (TurnInput?, IResult?) Fail(ErrorCode code, string detail) => (null, Problems.Create(code, detail));
}
