using System.Text.Json.Serialization;
using Interview.Core.Plans;

namespace Interview.Core.Drafting;

/// <summary>
/// A competency the drafter can put in a plan. <see cref="Keywords"/> detect it in answers (as in any plan);
/// <see cref="Signals"/> are the stems that show a job description asks for it; <see cref="Terms"/> are known tools
/// and topics of the field, spelled as a posting would. A <see cref="Fallback"/> one fills a plan whose posting says little.
/// </summary>
public sealed record LibraryCompetency(
    string Name,
    CompetencyFamily Family,
    CompetencyKind Kind,
    string Description,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Signals,
    IReadOnlyList<string> Terms,
    IReadOnlyList<QuestionTemplate> Questions,
    bool Fallback = false)
{
    /// <summary>The competency as it goes into a plan.</summary>
    public Competency Competency { get; } = new(Name, Description, Keywords);

    // The signals as a competency's keywords, so a job description is read by the same stem matcher as an answer;
    // kept for the library's lifetime because the matcher caches its pattern per instance.
    internal Competency SignalMatcher { get; } = new(Name, Description, Signals);

    /// <summary>The variants of each question, grouped by id in library order.</summary>
    public IEnumerable<IGrouping<string, QuestionTemplate>> QuestionGroups => Questions.GroupBy(q => q.Id, StringComparer.Ordinal);
}

[JsonConverter(typeof(JsonStringEnumConverter<CompetencyFamily>))]
public enum CompetencyFamily
{
    Engineering,
    Data,
    Product,
    Design,
    Customer,
    Operations,
    Leadership,
    General,
}

/// <summary>Skills are asked about in the technical or skills phase, behavioral competencies in the behavioral phase.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CompetencyKind>))]
public enum CompetencyKind
{
    Skill,
    Behavioral,
}
