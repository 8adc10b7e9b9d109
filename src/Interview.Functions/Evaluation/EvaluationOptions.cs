using System.ComponentModel.DataAnnotations;

namespace Interview.Functions.Evaluation;

/// <summary>Section "Evaluation": who scores, which Durable task hub runs the orchestration, and how long its history stays.</summary>
public sealed class EvaluationOptions
{
    public const string Section = "Evaluation";

    /// <summary>The task hub host.json names for the Functions host (extensions.durableTask.hubName); standalone uses the same.</summary>
    public const string DefaultTaskHub = "interviews";
    public const string Rules = "rules";
    public const string Model = "model";

    /// <summary>rules, model, or auto (the model when the interviewer runs on one, else rules).</summary>
    [RegularExpression("^(auto|rules|model)$", ErrorMessage = "Evaluation:Evaluator must be auto, rules or model.")]
    public string Evaluator { get; set; } = "auto";

    /// <summary>Standalone: the Durable task hub (its tables, queues and blobs in the storage account). Letters and digits only.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$",
        ErrorMessage = "Evaluation:TaskHub must be 3 to 45 letters and digits, starting with a letter.")]
    public string TaskHub { get; set; } = DefaultTaskHub;

    /// <summary>Finished orchestrations' history is purged once they are older than this; the reports stay.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan HistoryRetention { get; set; } = TimeSpan.FromDays(30);
}

[Microsoft.Extensions.Options.OptionsValidator]
internal sealed partial class EvaluationOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<EvaluationOptions>;
