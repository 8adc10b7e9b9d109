using System.Text.RegularExpressions;
using Interview.Core.Plans;

namespace Interview.Core.Drafting;

/// <summary>
/// What a word of a posting looks like. Technical-looking words (camelCase, acronyms, letters then digits, or with
/// #, + or a dotted suffix: TypeScript, SQL, KPIs, S3, C#, Node.js) are a posting's own terms wherever they stand;
/// a plain Capitalized word only where it cannot be capitalized for grammar alone.
/// </summary>
internal static partial class TermShape
{
    public static bool IsAcronym(string word) => AcronymPattern().IsMatch(word);

    public static bool IsTechnical(string word) =>
        word.Any(char.IsLetter)
        && (CamelPattern().IsMatch(word) || AcronymPattern().IsMatch(word) || DigitsPattern().IsMatch(word)
            || word.Contains('#', StringComparison.Ordinal) || word.Contains('+', StringComparison.Ordinal)
            || DottedPattern().IsMatch(word));

    public static bool IsCapitalized(string word) => word.Length >= 2 && char.IsUpper(word[0]) && word.Skip(1).All(c => !char.IsUpper(c));

    /// <summary>A heading ("What You'll Do", "REQUIREMENTS") capitalizes every word, so its words say nothing.</summary>
    public static bool IsHeading(string sentence)
    {
        var words = WordPattern().Matches(sentence).Select(m => m.Value).ToList();
        return words.Count > 0 && words.All(w => char.IsUpper(w[0]) || !char.IsLetter(w[0]));
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}.#+])\.?[\p{L}\p{N}](?:[\p{L}\p{N}#+]|[.\-/&'’](?=[\p{L}\p{N}]))*")]
    public static partial Regex WordPattern();

    [GeneratedRegex(@"\p{Ll}\p{Lu}")]
    private static partial Regex CamelPattern();

    [GeneratedRegex(@"^(?:\p{Lu}{2,6}s?|\p{Lu}{2,6}[/&]\p{Lu}{2,6})$")]
    private static partial Regex AcronymPattern();

    // S3, EC2, B2B; but not 150k, 3x or 24h, which are amounts.
    [GeneratedRegex(@"^(?=\p{L}).*(?:\p{L}\p{N}|\p{N}\p{L})")]
    private static partial Regex DigitsPattern();

    [GeneratedRegex(@"^\.\p{L}{2,}$|\p{L}\.\p{L}{2,}$")]
    private static partial Regex DottedPattern();
}
