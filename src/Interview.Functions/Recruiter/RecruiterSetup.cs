using Interview.Core.Drafting;
using Interview.Core.Recruiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Interview.Core.Sessions;
using Interview.Functions.Startup;
using Interview.Functions.Storage;

namespace Interview.Functions.Recruiter;

public static class RecruiterSetup
{
    /// <summary>The interviews list, reviews, the audit trail, erasure, retention, and drafting plans from job descriptions.</summary>
    public static IHostApplicationBuilder AddRecruiting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateAnnotations<RetentionOptions,
            RetentionOptionsValidator>().ValidateOnStart();
        services.AddSingleton<IInterviewIndex, TableInterviewIndex>();
        services.AddSingleton<IReviewStore, TableReviewStore>();
        services.AddSingleton<IAuditTrail, TableAuditTrail>();
        services.AddSingleton<Erasure>();
        services.AddSingleton<Retention>();
        services.AddSingleton(_ => new PlanDrafter(CompetencyLibrary.LoadEmbedded()));
        services.AddSingleton<PlanDraftService>();
        return builder;
    }
}
