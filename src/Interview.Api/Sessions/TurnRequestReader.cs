using Interview.Api.Interviewer;
using Interview.Core.Agent;
using Interview.Core.Speech;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Interview.Api.Sessions;

/// <summary>
/// Reads a turn's multipart body: an "audio" file part or a "text" field. Every way a body can be wrong maps
/// to a problem here, before anything is loaded or written.
/// </summary>
internal static class TurnRequestReader
{
    public static async Task<(TurnInput? Input, IResult? Problem)> ReadAsync(HttpRequest request, InterviewOptions limits, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the answer as multipart/form-data with an 'audio' file or a 'text' field.", "not_multipart");
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
            return Fail(StatusCodes.Status400BadRequest, "Too many parts", "A turn has one part: 'audio' or 'text'.", "too_many_parts");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limits);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Fail(StatusCodes.Status400BadRequest, "Malformed multipart body", "The multipart body could not be read.", "malformed_body");
        }

        var audio = form.Files.GetFile("audio");
        var hasText = form.TryGetValue("text", out var text);
        return (audio, hasText) switch
        {
            (not null, true) => Fail(StatusCodes.Status400BadRequest, "Ambiguous answer", "Send either an 'audio' file or a 'text' field, not both.", "ambiguous_answer"),
            (null, false) => Fail(StatusCodes.Status400BadRequest, "No answer", "Send the answer as an 'audio' file part or a 'text' field.", "missing_answer"),
            (null, true) when text.ToString().Length > limits.MaxTextChars =>
                Fail(StatusCodes.Status413PayloadTooLarge, "Answer too long", $"Typed answers are limited to {limits.MaxTextChars} characters.", "text_too_long"),
            (null, true) when !IsCleanText(text.ToString()) =>
                Fail(StatusCodes.Status400BadRequest, "Unreadable text", "The 'text' field must be valid UTF-8 without control characters.", "invalid_text"),
            (null, true) => (TurnInput.FromText(text.ToString()), null),
            (not null, _) when audio.Length == 0 => Fail(StatusCodes.Status400BadRequest, "Empty audio", "The 'audio' part is empty.", "empty_audio"),
            (not null, _) when audio.Length > limits.MaxUploadBytes => TooLarge(limits),
            (not null, _) => CheckAudio(await ReadAudioAsync(audio, ct), limits),
        };
    }

    /// <summary>Invalid UTF-8 arrives as U+FFFD; control characters (bar tab and line breaks) have no place in an answer.</summary>
    private static bool IsCleanText(string text) =>
        !text.Contains('\uFFFD', StringComparison.Ordinal) && !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    /// <summary>The format comes from the bytes (the browser's filename is just "blob"); a WAV header also tells the length.</summary>
    private static (TurnInput?, IResult?) CheckAudio(byte[] bytes, InterviewOptions limits)
    {
        var format = AudioSniffer.Detect(bytes);
        if (format == AudioFormat.Unknown)
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, "Unrecognised audio", "The 'audio' part is not WAV, Ogg, WebM, MP3, MP4/M4A or FLAC audio.", "unsupported_audio_format");
        }

        if (AudioSniffer.WavDuration(bytes) is { } duration && duration.TotalSeconds > limits.MaxAudioSeconds)
        {
            return Fail(StatusCodes.Status413PayloadTooLarge, "Recording too long", $"Answers are limited to {limits.MaxAudioSeconds} seconds of audio; this one is {duration.TotalSeconds:0} s.", "audio_too_long");
        }

        return (TurnInput.FromAudio(new AudioClip(bytes, AudioSniffer.MediaType(format))), null);
    }

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

    private static async Task<byte[]> ReadAudioAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    private static (TurnInput?, IResult?) TooLarge(InterviewOptions limits) =>
        Fail(StatusCodes.Status413PayloadTooLarge, "Upload too large", $"Uploads are limited to {limits.MaxUploadBytes} bytes.", "upload_too_large");

    private static (TurnInput?, IResult?) Fail(int status, string title, string detail, string code) =>
        (null, Problems.Create(status, title, detail, code));
}
