using Interview.Core.Agent;
using Interview.Core.Domain;
using Interview.Core.Plans;

namespace Interview.Core.Tests.TestDoubles;

/// <summary>Says the same thing every turn and remembers what it was shown.</summary>
internal sealed class FixedBrain(BrainReply reply) : IInterviewerBrain
{
    public List<string> Answers { get; } = [];

    public List<SessionState> Seen { get; } = [];

    public Task<BrainReply> OpenAsync(InterviewPlan plan, SessionState state, CancellationToken cancellationToken)
    {
        Seen.Add(state);
        return Task.FromResult(reply);
    }

    /// <summary>Its one line is fixed wording, as a rules brain's would be.</summary>
    public IEnumerable<string> FixedWording(InterviewPlan plan) => [reply.Text];

    public Task<BrainReply> DecideAsync(InterviewPlan plan, SessionState state, string answer, CancellationToken cancellationToken)
    {
        Seen.Add(state);
        Answers.Add(answer);
        return Task.FromResult(reply);
    }
}
