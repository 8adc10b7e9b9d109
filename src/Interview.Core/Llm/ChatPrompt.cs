namespace Interview.Core.Llm;

/// <summary>
/// One model call's messages. <see cref="System"/> depends only on the plan, never on anything the candidate
/// or the caller supplied, so no answer can rewrite the interviewer's instructions; everything else is data in <see cref="User"/>.
/// </summary>
public sealed record ChatPrompt(string System, string User)
{
    public int Length => System.Length + User.Length;
}
