using Interview.Core.Plans;

namespace Interview.Core.Drafting;

/// <summary>
/// A term of a job description: a technology, tool, product or topic, as the posting spells it (or as the library
/// spells a known one). <see cref="Known"/> ones are in the library; <see cref="Key"/> ones may be put in questions,
/// the rest (capitalized words such as a company or a city) only help speech recognition.
/// <see cref="Sentences"/> are the indexes of the sentences it occurs in; <see cref="Position"/> is its first offset.
/// </summary>
internal sealed record JobTerm(string Text, bool Known, bool Key, IReadOnlyList<int> Sentences, int Position);
