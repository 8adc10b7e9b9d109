using Interview.Core.Speech;

namespace Interview.Core.Agent;

/// <summary>
/// What a streamed turn sends as it happens, in this order: the transcript, the interviewer's words as they are written
/// (a <paramref name="reset"/> delta starts the line over, when a model's reply was replaced), and each sentence's audio
/// in order. Calls return at once; the implementation writes them out in order.
/// </summary>
public interface ITurnEvents
{
    void Transcript(Transcript transcript);

    void Text(string delta, bool reset);

    void Audio(int index, string text, string audioRef);
}

/// <summary>Where a brain writes its reply's words while it is still deciding; <see cref="Restart"/> discards them.</summary>
public interface IReplyText
{
    void Write(string delta);

    /// <summary>
    /// The words are all written and the reply is accepted so far: what is left can be spoken now (a later <see cref="Restart"/> still
    /// withdraws it).
    /// </summary>
    void Complete();

    void Restart();
}

/// <summary>A brain that can write its reply as it forms (a streaming model); others give the whole reply at once.</summary>
public interface IStreamingBrain : IInterviewerBrain
{
    /// <summary>Whether its replies take long enough that the line starts with an <see cref="Acknowledgement"/>.</summary>
    bool Acknowledges { get; }

    Task<BrainReply> OpenAsync(Interview.Core.Plans.InterviewPlan plan, Interview.Core.Domain.SessionState state, IReplyText text,
        CancellationToken cancellationToken);

    Task<BrainReply> DecideAsync(Interview.Core.Plans.InterviewPlan plan, Interview.Core.Domain.SessionState state, string answer,
        IReplyText text, CancellationToken cancellationToken);
}
