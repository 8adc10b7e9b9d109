using System.Globalization;
using System.Text.RegularExpressions;
using Interview.Core.Plans;

namespace Interview.Functions.Candidates;

/// <summary>
/// One candidate to invite, as a row of the CSV or an item of the JSON list: only <see cref="Email"/> and the expiry are optional.
/// </summary>
public sealed record Invite(string? Name, string? Email, string? PlanId, string? ExpiresAt);

/// <summary>Reads and checks a list of invites: every problem of every row is found before anything is issued.</summary>
public static partial class InviteRows
{
    public const int MostRows = 500;
    public static readonly TimeSpan LongestExpiry = TimeSpan.FromDays(90);
    public const string CsvShape = "a header row naming name, plan_id and optionally email and expires_at, then a row per candidate";

    /// <summary>The invites of a CSV with a header row, or why it cannot be read.</summary>
    public static (List<Invite>? Invites, string? Problem) FromCsv(string text)
    {
        var rows = Csv.Parse(text);
        if (rows.Count == 0)
        {
            return (null, $"The CSV is empty: {CsvShape}.");
        }

        var header = rows[0].Select(h => h.ToLowerInvariant()).ToList();
        if (!header.Contains("name") || !header.Contains("plan_id"))
        {
            return (null, $"The first row names the columns: {CsvShape}.");
        }

        string? Cell(string[] row, string column) => header.IndexOf(column) is var i and >= 0 && i < row.Length && row[i].Length > 0
            ? row[i]
            : null;
        return ([.. rows.Skip(1).Select(r => new Invite(Cell(r, "name"), Cell(r, "email"), Cell(r, "plan_id"), Cell(r, "expires_at")))],
            null);
    }

    /// <summary>Every problem, as "row n: …" (n counts candidates from 1); empty when all can be issued.</summary>
    public static List<string> Problems(IReadOnlyList<Invite> invites, IReadOnlySet<string> knownPlans, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (invites.Count is 0 or > MostRows)
        {
            problems.Add($"invites: 1 to {MostRows} candidates.");
        }

        for (var i = 0; i < invites.Count && problems.Count < 50; i++)
        {
            var (invite, row) = (invites[i], $"row {i + 1}");
            if (string.IsNullOrWhiteSpace(invite.Name) || invite.Name.Length > 100)
            {
                problems.Add($"{row}: name is 1 to 100 characters.");
            }

            if (invite.Email is { } email && (email.Length > 254 || !Email().IsMatch(email)))
            {
                problems.Add($"{row}: email is an address like name@example.com.");
            }

            if (invite.PlanId is not { } plan || !PlanRules.IsPlanId(plan) || !knownPlans.Contains(plan))
            {
                problems.Add($"{row}: plan_id is a saved or built-in plan (GET /manage/plans lists them).");
            }

            if (invite.ExpiresAt is { } text && (Expiry(text) is not { } at || at <= now || at > now + LongestExpiry))
            {
                problems.Add($"{row}: expires_at is a date or UTC time in the next {LongestExpiry.TotalDays:0} days.");
            }
        }

        return problems;
    }

    public static DateTimeOffset? Expiry(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}
