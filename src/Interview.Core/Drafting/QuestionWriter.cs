using Interview.Core.Plans;

namespace Interview.Core.Drafting;

/// <summary>
/// Fills question templates for one draft. Each question takes the terms used least so far (first in the posting on
/// ties), so a posting naming Kafka, dbt and Airflow gets questions naming all three rather than Kafka three times.
/// </summary>
internal sealed class QuestionWriter(string role, Seniority level)
{
    private readonly Dictionary<string, int> _uses = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Can any variant of the question be asked with this many terms?</summary>
    public bool CanWrite(IEnumerable<QuestionTemplate> variants, int terms) => variants.Any(v => v.Fits(level, terms));

    /// <summary>The first variant that fits, filled; null when none does.</summary>
    public (QuestionTemplate Template, string Text)? Write(IEnumerable<QuestionTemplate> variants, IReadOnlyList<string> terms)
    {
        var template = variants.FirstOrDefault(v => v.Fits(level, terms.Count));
        if (template is null)
        {
            return null;
        }

        var chosen = terms.Select((term, index) => (term, index))
            .OrderBy(t => _uses.GetValueOrDefault(t.term)).ThenBy(t => t.index)
            .Take(template.TermsNeeded)
            .OrderBy(t => t.index)
            .Select(t => t.term)
            .ToList();
        foreach (var term in chosen)
        {
            _uses[term] = _uses.GetValueOrDefault(term) + 1;
        }

        return (template, template.Fill(role, chosen));
    }
}
