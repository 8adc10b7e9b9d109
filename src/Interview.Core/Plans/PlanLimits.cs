namespace Interview.Core.Plans;

/// <summary>
/// How big a plan may be. The plan goes into every interviewer prompt, so these bound the prompt as well as
/// keeping a recruiter's plan to something a spoken interview of under an hour can cover.
/// </summary>
public static class PlanLimits
{
    public const int MaxCompetencies = 20;
    public const int MaxKeywordsPerCompetency = 60;
    public const int MaxPhases = 8;
    public const int MaxQuestionsPerPhase = 40;
    public const int MaxOverallQuestions = 100;
    public const int MaxFollowupsPerQuestion = 5;
    public const int MaxMinAnswerWords = 200;
    public const int MaxVocabulary = 100;

    public const int MaxRoleChars = 100;
    public const int MaxNameChars = 64;

    /// <summary>Question texts, descriptions, transitions and the closing remark: one or two spoken sentences.</summary>
    public const int MaxTextChars = 500;

    /// <summary>Keywords and vocabulary terms.</summary>
    public const int MaxTermChars = 60;

    public const int MaxAboutChars = 2000;

    /// <summary>Below two seconds the page cuts candidates off mid-thought; above thirty it seems stuck.</summary>
    public const int MinSilenceSeconds = 2;

    public const int MaxSilenceSeconds = 30;
}
