namespace Interview.Core.Domain;

/// <summary>
/// One utterance. <see cref="AudioRef"/> is a storage reference (a blob name), never a URL:
/// the HTTP edge turns it into a short-lived read URL each time it is shown. <see cref="Confidence"/> is the
/// speech recognizer's, for spoken answers. <see cref="InterruptedAt"/>: on an interviewer line the candidate spoke over.
/// </summary>
public sealed record ConversationTurn(
    string Role,
    string Content,
    string? AudioRef,
    DateTime Timestamp,
    string Phase,
    ActionType? ActionType = null,
    double? Confidence = null,
    Interruption? InterruptedAt = null);
