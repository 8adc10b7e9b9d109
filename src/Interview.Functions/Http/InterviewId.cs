using System.Text.RegularExpressions;

namespace Interview.Functions.Http;

/// <summary>Every interview route takes an id; a malformed one is refused before any function runs.</summary>
public static partial class InterviewId
{
    public static IResult? Check(HttpContext http) =>
        http.Request.RouteValues[HttpFunction.InterviewIdParameter] is string id && Valid().IsMatch(id)
            ? null
            : Problems.Create(ErrorCodes.InvalidInterviewId, "An interview id is 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'.");

    public static bool IsValid(string id) => Valid().IsMatch(id);

    /// <summary>The id of a request that passed <see cref="Check"/>.</summary>
    public static string Of(HttpRequest request) => (string)request.RouteValues[HttpFunction.InterviewIdParameter]!;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Valid();
}
