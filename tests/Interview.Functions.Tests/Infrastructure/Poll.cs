namespace Interview.Functions.Tests.Infrastructure;

/// <summary>Waits for a condition with a deadline instead of sleeping a fixed time: the one poll loop of the tests.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        await UntilAsync(() => Task.FromResult(condition()), done => done, timeout, _ => what);

    /// <summary>
    /// Takes readings until one satisfies <paramref name="done"/> and returns it; past the deadline, fails with what was
    /// awaited and the last reading (<paramref name="what"/> describes it), so a timeout says where things stood.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, Func<T, string> what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var reading = await read();
            if (done(reading))
            {
                return reading;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what(reading)}.");
            }

            await Task.Delay(Interval);
        }
    }
}
