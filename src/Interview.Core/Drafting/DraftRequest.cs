using Interview.Core.Plans;

namespace Interview.Core.Drafting;

/// <summary>
/// What a recruiter drafts a plan from: the job description, and the role and seniority when they want to say them
/// rather than have them read from the posting. Build it with <see cref="DraftInput.Check"/>, which refuses bad input.
/// </summary>
public sealed record DraftRequest(string JobDescription, string? Role = null, Seniority? Seniority = null);
