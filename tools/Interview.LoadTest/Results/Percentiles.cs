namespace Interview.LoadTest.Results;

public sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    /// <summary>Nearest-rank percentiles, in milliseconds.</summary>
    public static Percentiles Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return new Percentiles(0, 0, 0, 0, 0);
        }

        var sorted = values.Order().ToArray();
        double At(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
        return new Percentiles(sorted.Length, At(50), At(95), At(99), sorted[^1]);
    }
}
