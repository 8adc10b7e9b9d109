using System.Text.Json.Serialization;
using Interview.Core.Plans;

namespace Interview.Core.Drafting;

/// <summary>How senior the hire is; it sets the drafted plan's budgets and picks level-specific questions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Seniority>))]
public enum Seniority
{
    [JsonStringEnumMemberName("junior")]
    Junior,
    [JsonStringEnumMemberName("mid")]
    Mid,
    [JsonStringEnumMemberName("senior")]
    Senior,
    [JsonStringEnumMemberName("lead")]
    Lead,
}
