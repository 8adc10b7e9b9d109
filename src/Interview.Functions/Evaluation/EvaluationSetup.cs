using Interview.Functions.Interviewer;
using Interview.Core.Evaluation;
using Microsoft.Extensions.Options;
using Interview.Functions.Startup;

namespace Interview.Functions.Evaluation;

public static class EvaluationSetup
{
    /// <summary>
    /// The end-of-interview evaluation: the evaluator, the activities' dependencies, the report store and the starter. The orchestration
    /// engine is the host's: the Durable extension under the Functions host, <c>AddStandaloneEvaluationEngine</c> standalone.
    /// </summary>
    public static IHostApplicationBuilder AddEvaluation(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EvaluationOptions>().BindConfiguration(EvaluationOptions.Section).ValidateAnnotations<EvaluationOptions,
            EvaluationOptionsValidator>()
            .Validate<IOptions<InterviewerOptions>>((e, i) => e.Evaluator != EvaluationOptions.Model || i.Value.Brain
                != InterviewerOptions.Rules,
                "Evaluation:Evaluator model needs a model: set Interviewer:Brain to azure-openai or openai-compatible.")
            .ValidateOnStart();
        services.AddSingleton<IEvaluationStore, TableEvaluationStore>();
        services.AddSingleton<RulesEvaluator>();
        services.AddSingleton<ModelEvaluator>();
        services.AddSingleton<ICompetencyEvaluator>(sp => ActiveEvaluator(sp) == EvaluationOptions.Model
            ? sp.GetRequiredService<ModelEvaluator>()
            : sp.GetRequiredService<RulesEvaluator>());
        services.AddSingleton<LoadInterviewActivity>();
        services.AddSingleton<ScoreCompetencyActivity>();
        services.AddSingleton<StoreReportActivity>();
        services.AddSingleton<ReportAnnouncement>();
        services.AddSingleton<Evaluations>();
        services.AddSingleton<HistoryPurge>();
        return builder;
    }

    /// <summary>Who scores: <c>model</c> or <c>rules</c>, with <c>auto</c> settled by the brain.</summary>
    public static string ActiveEvaluator(IServiceProvider services)
    {
        var evaluator = services.GetRequiredService<IOptions<EvaluationOptions>>().Value.Evaluator;
        var brain = services.GetRequiredService<IOptions<InterviewerOptions>>().Value.Brain;
        return evaluator == EvaluationOptions.Model || (evaluator == "auto" && brain != InterviewerOptions.Rules)
            ? EvaluationOptions.Model
            : EvaluationOptions.Rules;
    }
}
