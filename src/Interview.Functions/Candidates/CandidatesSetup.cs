namespace Interview.Functions.Candidates;

public static class CandidatesSetup
{
    /// <summary>The candidate's notice, the requests for another way to interview, and what candidates told for the audit.</summary>
    public static IHostApplicationBuilder AddCandidates(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TableAlternativeRequests>();
        builder.Services.AddSingleton<TableDemographics>();
        return builder;
    }
}
