using System.Globalization;
using Interview.Bench;
using Interview.Core.Llm;

if (args is ["turn-latency", ..])
{
    int Arg(int i, int fallback) => args.Length > i && int.TryParse(args[i], out var n) ? n : fallback;
    return await Interview.Bench.Latency.TurnLatency.RunAsync(Repo.Root(), interviews: Arg(1, 6), turns: Arg(2, 6));
}

if (args is ["events", ..])
{
    return await EventOverhead.RunAsync(Repo.Root(), interviews: args.Length > 1 && int.TryParse(args[1], out var n) ? n : 40);
}

if (args is not ["prompt-size"])
{
    Console.Error.WriteLine("usage: dotnet run --project tools/Interview.Bench -c Release -- prompt-size | turn-latency [interviews] " +
        "[turns] | events [interviews]");
    return 2;
}

int[] turns = [10, 20, 30, 40, 50, 60];
var states = await LongInterview.HeardAtAsync(turns);
var prompts = turns.ToDictionary(t => t, t
    => InterviewPrompt.ForTurn(LongInterview.Plan, states[t], states[t].ConversationHistory[^1].Content));

var questions = LongInterview.Plan.Phases.Sum(p => p.Questions.Count);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Prompt size by candidate turn ({InterviewPrompt.Version}; rules brain, {questions}-question plan, long varied answers)"));
Console.WriteLine();
Console.WriteLine("| candidate turn | prompt chars (system + user) | user chars | ratio to turn 10 |");
Console.WriteLine("|---:|---:|---:|---:|");
foreach (var turn in turns)
{
    var ratio = (double)prompts[turn].Length / prompts[10].Length;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {turn} | {prompts[turn].Length:N0} | {prompts[turn].User.Length:N0} | {ratio:F2} |"));
}

return 0;

internal static class Repo
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InterviewFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository.");
    }
}
