using Interview.Functions.Hosting;
using Interview.Functions.Interviewer;
using Interview.Core.Evaluation;
using Interview.Core.Sessions;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Evaluation;

public static class EvaluationSetup
{
    /// <summary>The end-of-interview evaluation: trigger, store, runner, evaluator, and the standalone queue listener.</summary>
    public static IHostApplicationBuilder AddEvaluation(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EvaluationOptions>().BindConfiguration(EvaluationOptions.Section).ValidateDataAnnotations()
            .Validate<IOptions<InterviewerOptions>>((e, i) => e.Evaluator != "model" || i.Value.Brain != InterviewerOptions.Rules,
                "Evaluation:Evaluator model needs a model: set Interviewer:Brain to azure-openai or openai-compatible.")
            .ValidateOnStart();
        services.AddSingleton<IEvaluationStore, TableEvaluationStore>();
        services.AddSingleton<IEvaluationQueue, QueueEvaluationQueue>();
        services.AddSingleton<EvaluationTrigger>();
        services.AddSingleton<IInterviewEndedHandler>(sp => sp.GetRequiredService<EvaluationTrigger>());
        services.AddSingleton<RulesEvaluator>();
        services.AddSingleton<ModelEvaluator>();
        services.AddSingleton<ICompetencyEvaluator>(sp => UsesModel(sp) ? sp.GetRequiredService<ModelEvaluator>() : sp.GetRequiredService<RulesEvaluator>());
        services.AddSingleton<EvaluationRunner>();
        services.AddSingleton<EvaluationHandler>();

        // Under the Functions host the queueTrigger delivers messages; standalone, this listener does.
        var listener = builder.Configuration[$"{EvaluationOptions.Section}:Listener"] ?? "auto";
        var underHost = !string.IsNullOrEmpty(builder.Configuration[FunctionsHost.HostEndpointSetting]);
        if (listener == "on" || (listener == "auto" && !underHost))
        {
            services.AddHostedService<EvaluationListener>();
        }

        return builder;
    }

    private static bool UsesModel(IServiceProvider services)
    {
        var evaluator = services.GetRequiredService<IOptions<EvaluationOptions>>().Value.Evaluator;
        var brain = services.GetRequiredService<IOptions<InterviewerOptions>>().Value.Brain;
        return evaluator == "model" || (evaluator == "auto" && brain != InterviewerOptions.Rules);
    }
}
