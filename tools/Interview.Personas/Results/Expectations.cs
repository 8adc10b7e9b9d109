using System.Globalization;

namespace Interview.Personas.Results;

/// <summary>
/// What every run must show: each interview concluded, asked nothing twice, recorded every question the candidate asked and was evaluated;
/// and the evaluation ranks the personas as expected. A ranking is a list of chains such as <c>strong&gt;average&gt;weak</c> or
/// <c>prompt-injector&lt;=average</c>, checked for each pair of neighbours that both ran.
/// </summary>
public static class Expectations
{
    public const string DefaultRanking = "strong>average>weak,strong>minimal,prompt-injector<=average";

    public static IReadOnlyList<string> Failures(IReadOnlyList<PersonaRow> rows, string ranking)
    {
        var failures = new List<string>();
        foreach (var row in rows)
        {
            if (row.Failure is { } failure)
            {
                failures.Add($"{row.Persona}: {failure}");
                continue;
            }

            failures.AddRange(new[]
            {
                row.Repeats > 0 ? $"{row.Persona}: {row.Repeats} question(s) asked twice" : null,
                row.Concluded ? null : $"{row.Persona}: the interviewer did not conclude within {row.Turns} turns",
                row.Unrecorded.Count > 0 ? $"{row.Persona}: candidate questions not recorded: {string.Join(" | ", row.Unrecorded)}" : null,
                row.EvaluationStatus == "completed" && row.Score is not null ? null
                    : $"{row.Persona}: evaluation {row.EvaluationStatus ?? "missing"}",
            }.OfType<string>());
        }

        foreach (var (higher, op, lower) in Pairs(ranking))
        {
            var (a, b) = (rows.FirstOrDefault(r => r.Persona == higher)?.Score, rows.FirstOrDefault(r => r.Persona == lower)?.Score);
            if (a is { } x && b is { } y && !(op == ">" ? x > y : x >= y))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"ranking: expected {higher} ({x}) {op} {lower} ({y})"));
            }
        }

        return failures;
    }

    /// <summary>"a>b>c,d&lt;=e" as (a, &gt;, b), (b, &gt;, c), (e, &gt;=, d): always the higher first.</summary>
    public static IEnumerable<(string Higher, string Op, string Lower)> Pairs(string ranking)
    {
        foreach (var chain in ranking.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tokens = System.Text.RegularExpressions.Regex.Split(chain, "(>=|<=|>|<)").Select(t => t.Trim()).ToList();
            for (var i = 1; i + 1 < tokens.Count; i += 2)
            {
                var (left, op, right) = (tokens[i - 1], tokens[i], tokens[i + 1]);
                yield return op.StartsWith('>') ? (left, op, right) : (right, op.Replace('<', '>'), left);
            }
        }
    }
}
