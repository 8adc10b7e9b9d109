using System.Text.RegularExpressions;

namespace Interview.Api.Sessions;

/// <summary>Every session route takes an interview id; a malformed one is refused before any handler runs.</summary>
internal sealed partial class InterviewIdFilter : IEndpointFilter
{
    public const string RouteKey = "interview_id";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var id = context.HttpContext.Request.RouteValues[RouteKey] as string;
        if (id is null || !ValidId().IsMatch(id))
        {
            return ValueTask.FromResult<object?>(Problems.Create(StatusCodes.Status400BadRequest, "Invalid interview id",
                "An interview id is 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'.", "invalid_interview_id"));
        }

        return next(context);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ValidId();
}
