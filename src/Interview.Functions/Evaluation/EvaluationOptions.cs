using System.ComponentModel.DataAnnotations;

namespace Interview.Functions.Evaluation;

/// <summary>Section "Evaluation": who scores, and how the standalone queue listener behaves.</summary>
public sealed class EvaluationOptions
{
    public const string Section = "Evaluation";

    /// <summary>rules, model, or auto (the model when the interviewer runs on one, else rules).</summary>
    [RegularExpression("^(auto|rules|model)$", ErrorMessage = "Evaluation:Evaluator must be auto, rules or model.")]
    public string Evaluator { get; set; } = "auto";

    /// <summary>auto (on when standalone, off under the Functions host, which delivers queue messages itself), on, off.</summary>
    [RegularExpression("^(auto|on|off)$")]
    public string Listener { get; set; } = "auto";

    /// <summary>Deliveries before a message goes to the poison queue and the evaluation is marked failed (the Functions host uses host.json's maxDequeueCount).</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a received message stays invisible; a crashed run's message comes back after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an idle listener polls the queue.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
