namespace Interview.Core.Tests.TestDoubles;

/// <summary>A clock that stands still unless a test moves it, so timestamps can be asserted exactly.</summary>
internal sealed class FixedClock : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; set; } = Start;

    public override DateTimeOffset GetUtcNow() => Now;
}
