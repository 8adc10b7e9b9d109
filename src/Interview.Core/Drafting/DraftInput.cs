using Interview.Core.Plans;

namespace Interview.Core.Drafting;

/// <summary>Why a draft request was refused. The HTTP edge answers <see cref="TooLong"/> with 413 and the rest with 400.</summary>
public enum DraftInputFailure
{
    Missing,
    TooLong,
    NotText,
    InvalidField,
}

/// <summary>A refusal: what was wrong, with which field (its JSON name), in a sentence a recruiter can act on.</summary>
public sealed record DraftInputProblem(DraftInputFailure Failure, string Field, string Detail);

/// <summary>The request to draft from, or the problem with the input.</summary>
public sealed record DraftInputResult(DraftRequest? Request, DraftInputProblem? Problem)
{
    public bool Succeeded => Problem is null;
}

/// <summary>
/// The checks on a draft request's fields, before any drafting: a job description that is present, at most
/// <see cref="MaxJobDescriptionChars"/> characters and plain text (no control characters but tabs and line breaks, no
/// lone surrogates or replacement characters left by a bad decoding); a role of at most a plan's role length; a
/// seniority of junior, mid, senior or lead. A blank role or seniority counts as not given.
/// </summary>
public static class DraftInput
{
    public const int MaxJobDescriptionChars = 20_000;

    public static DraftInputResult Check(string? jobDescription, string? role = null, string? seniority = null)
    {
        if (string.IsNullOrWhiteSpace(jobDescription))
        {
            return Fail(DraftInputFailure.Missing, "job_description", "job_description is required.");
        }

        if (jobDescription.Length > MaxJobDescriptionChars)
        {
            return Fail(DraftInputFailure.TooLong, "job_description",
                $"job_description is {jobDescription.Length} characters; at most {MaxJobDescriptionChars} are accepted.");
        }

        if (!IsText(jobDescription, allowLineBreaks: true))
        {
            return Fail(DraftInputFailure.NotText, "job_description",
                "job_description must be plain text: it has control or invalid characters.");
        }

        var givenRole = string.IsNullOrWhiteSpace(role) ? null : role.Trim();
        if (givenRole is not null && (givenRole.Length > PlanLimits.MaxRoleChars || !IsText(givenRole, allowLineBreaks: false)))
        {
            return Fail(DraftInputFailure.InvalidField, "role", $"role must be one line of at most {PlanLimits.MaxRoleChars} characters.");
        }

        // By name only: Enum.TryParse would also take "2" and "junior, lead".
        Seniority? level = string.IsNullOrWhiteSpace(seniority)
            ? null
            : Enum.GetValues<Seniority>().Cast<Seniority?>()
                .FirstOrDefault(v => string.Equals(v.ToString(), seniority.Trim(), StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(seniority) && level is null)
        {
            return Fail(DraftInputFailure.InvalidField, "seniority", "seniority must be one of junior, mid, senior or lead.");
        }

        return new DraftInputResult(new DraftRequest(jobDescription, givenRole, level), null);
    }

    private static DraftInputResult Fail(DraftInputFailure failure, string field, string detail) =>
        new(null, new DraftInputProblem(failure, field, detail));

    private static bool IsText(string text, bool allowLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            var breakOrTab = c is '\t' || (allowLineBreaks && c is '\n' or '\r');
            if ((char.IsControl(c) && !breakOrTab) || char.IsSurrogate(c) || c is '\uFFFD' or '\uFFFE' or '\uFFFF')
            {
                return false;
            }
        }

        return true;
    }
}
