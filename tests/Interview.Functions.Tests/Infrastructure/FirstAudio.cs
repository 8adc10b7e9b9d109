namespace Interview.Functions.Tests.Infrastructure;

/// <summary>Holds a fake model until the page has its first audio, or gives up at a deadline (not a pause).</summary>
public sealed class FirstAudio
{
    private readonly TaskCompletionSource _spoken = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool HeldUntilSpoken { get; private set; }

    public void See(EventStream.Event e)
    {
        if (e.Name == "audio")
        {
            _spoken.TrySetResult();
        }
    }

    public async Task HoldAsync()
    {
        try
        {
            await _spoken.Task.WaitAsync(TimeSpan.FromSeconds(8));
            HeldUntilSpoken = true;
        }
        catch (TimeoutException)
        {
            // Without the early release the audio comes only after the notes: the stream goes on and the test fails.
        }
    }
}
