using System.Globalization;
using Interview.Core.Sessions;
using Interview.Core.Domain;

namespace Interview.Functions.Http;

/// <summary>RFC 7807 answers. Each carries the stable snake_case <c>code</c> of its <see cref="ErrorCode"/>.</summary>
public static class Problems
{
    public static IResult Create(ErrorCode error, string? detail, TimeSpan? retryAfter = null) => Create(error, detail, null, retryAfter);

    /// <summary>
    /// With <paramref name="errors"/>: every problem found, listed at once (the <c>errors</c> member), not one per attempt.
    /// </summary>
    public static IResult Create(ErrorCode error, string? detail, IReadOnlyList<string>? errors, TimeSpan? retryAfter = null)
    {
        var details = Details(error, detail);
        if (errors is not null)
        {
            details.Extensions["errors"] = errors;
        }

        var problem = TypedResults.Problem(details);
        return retryAfter is { } wait ? new WithRetryAfter(problem, wait) : problem;
    }

    /// <summary>The problem body itself, for where no status can be sent any more (an error event in a streamed turn).</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails Details(ErrorCode error, string? detail) => new()
    {
        Title = error.Title,
        Status = error.Status,
        Detail = detail,
        Extensions = { ["code"] = error.Code },
    };

    public static IResult From(SessionError error, string? detail, TimeSpan? retryAfter = null)
        => Create(ErrorCodes.For(error), detail, retryAfter);

    /// <summary>The value, or the refusal that stands in its place.</summary>
    public static async Task<IResult> RespondAsync<T, TDto>(SessionResult<T> result, Func<T, Task<TDto>> map) =>
        result.Error is { } error ? From(error, result.Detail, result.RetryAfter) : TypedResults.Ok(await map(result.Value!));

    private sealed class WithRetryAfter(IResult inner, TimeSpan wait) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter =
                Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
