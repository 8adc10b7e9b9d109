using System.Globalization;
using System.Text.RegularExpressions;
using Interview.Functions.Tests.Infrastructure;
using Interview.Functions.Tests.Interviewer;

namespace Interview.Functions.Tests.Evaluation;

/// <summary>
/// A model behind the loopback Chat Completions fake that interviews briefly and then, as evaluator, gives 4 with a true
/// quote from the first candidate turn (or, for <c>fabricateOn</c>, 5 with a quote the candidate never said).
/// </summary>
internal static partial class ScriptedModel
{
    public const string EvaluatorPrompt = "You are an impartial evaluator";

    public static Dictionary<string, string> Settings(FakeHttpServer model) => new()
    {
        ["Interviewer:Brain"] = "azure-openai",
        ["AzureOpenAI:Endpoint"] = model.BaseUrl.ToString(),
        ["AzureOpenAI:Deployment"] = ModelApp.Deployment,
        ["AzureOpenAI:ApiKey"] = ModelApp.ApiKey,
    };

    public static bool IsEvaluation(FakeHttpServer.Recorded request)
        => request.Message(0).StartsWith(EvaluatorPrompt, StringComparison.Ordinal);

    /// <summary>The competency an evaluation request asks about.</summary>
    public static string Competency(FakeHttpServer.Recorded request) => CompetencyLine().Match(request.Message(1)).Groups[1].Value;

    public static FakeHttpServer.Reply Respond(FakeHttpServer.Recorded request, string? fabricateOn = null)
    {
        var user = request.Message(1);
        if (!IsEvaluation(request))
        {
            return user.Contains("TASK: open the interview", StringComparison.Ordinal)
                ? ChatReplies.Turn("new_question", "Welcome. Tell me about a system you built.", questionId: "intro-background")
                : ChatReplies.Turn("conclude", "Thank you, that is all.");
        }

        var answer = CandidateLine().Match(user);
        var words = answer.Groups["text"].Value.Split(' ').Take(6);
        var fabricated = fabricateOn is not null && Competency(request) == fabricateOn;
        return ChatReplies.Completion(new
        {
            score = fabricated ? 5 : 4,
            rationale = "scripted",
            evidence = new[] { new { turn = int.Parse(answer.Groups["turn"].Value, CultureInfo.InvariantCulture), quote = fabricated
                ? "I single-handedly invented Kubernetes" : string.Join(' ', words) } },
        });
    }

    [GeneratedRegex(@"\[turn (?<turn>\d+)\] candidate: (?<text>.+)")]
    private static partial Regex CandidateLine();

    [GeneratedRegex(@"COMPETENCY: ([a-z_]+):")]
    private static partial Regex CompetencyLine();
}
