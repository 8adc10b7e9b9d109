using Interview.Core.Agent;
using Interview.Functions.Http;

namespace Interview.Functions.Sessions;

/// <summary>The optional JSON body of a start: no body at all is the common case and means plan defaults.</summary>
internal static class StartRequestReader
{
    private const int MaxBodyBytes = 16 * 1024;
    private const int MaxFieldChars = 100;

    public static async Task<(StartOptions? Options, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<StartSessionRequest>(request, MaxBodyBytes, "{candidate_name, role, " +
            "plan_id}", optional: true, ct, maxDepth: 4);
        if (problem is not null)
        {
            return (null, problem);
        }

        var invalid = new[] { ("candidate_name", body?.CandidateName), ("role", body?.Role), ("plan_id", body?.PlanId) }
            .FirstOrDefault(f => f.Item2 is { } v && (v.Length > MaxFieldChars || string.IsNullOrWhiteSpace(v) || v.Any(char.IsControl)));
        if (invalid.Item1 is not null)
        {
            return Fail(ErrorCodes.InvalidField, $"'{invalid.Item1}' must be 1 to {MaxFieldChars} printable characters.");
        }

        return (new StartOptions(body?.CandidateName?.Trim(), body?.Role?.Trim(), body?.PlanId), null);
    }

    private static (StartOptions?, IResult?) Fail(ErrorCode code, string detail) => (null, Problems.Create(code, detail));
}
