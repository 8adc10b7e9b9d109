namespace Interview.Functions.Startup;

/// <summary>
/// Start-up work that the first answer does not wait for (creating the table and container; the twin's Durable engine and
/// task hub). Each named piece starts as soon as a request needs it, else once the app has answered its first request,
/// else <see cref="Grace"/> after it listens: on a small machine the compiling it takes would otherwise slow that first
/// answer (a readiness probe, or the request that woke a cold instance) several times over. /health lists what is still
/// starting. A fatal piece that fails stops the app, which <see cref="Launcher"/> reports as a failed start; any other
/// piece that failed is started again by the next request that needs it.
/// </summary>
public sealed class StartupWork
{
    public const string Storage = "storage";
    public const string EvaluationEngine = "evaluation engine";

    /// <summary>How long after listening the pieces wait for a first request before starting anyway.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    private readonly IHostApplicationLifetime _lifetime;
    private readonly Dictionary<string, Piece> _pieces = [];
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StartupWork(IHostApplicationLifetime lifetime)
    {
        _lifetime = lifetime;
        lifetime.ApplicationStarted.Register(() => _ = Task.Delay(Grace, lifetime.ApplicationStopping).ContinueWith(_ => Release(),
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default));
    }

    /// <summary>Completes when the waiting pieces have been let start (a first answer, or the grace after listening).</summary>
    public Task Released => _released.Task;

    /// <summary>What stopped the app: a fatal piece's failure, for <see cref="Launcher"/> to explain.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>The pieces not done yet (waiting or running), by name.</summary>
    public IReadOnlyList<string> Pending
    {
        get
        {
            lock (_pieces)
            {
                return [.. _pieces.Where(p => p.Value.Task?.IsCompletedSuccessfully != true).Select(p => p.Key).Order()];
            }
        }
    }

    /// <summary>Adds a piece, cancelled when the app stops; it starts by the rules above.</summary>
    public void Begin(string name, Func<CancellationToken, Task> work, bool fatal = false)
    {
        lock (_pieces)
        {
            _pieces[name] = new Piece(work, fatal);
            if (_released.Task.IsCompleted)
            {
                Start(_pieces[name]);
            }
        }
    }

    /// <summary>
    /// Completes when <paramref name="name"/> is done, starting it now if it waits (at once when there is no such piece).
    /// </summary>
    public Task WhenReady(string name)
    {
        lock (_pieces)
        {
            if (!_pieces.TryGetValue(name, out var piece))
            {
                return Task.CompletedTask;
            }

            // Creating is idempotent: a failure at start (storage away) is tried again now rather than failing until a restart.
            if (piece.Task is null || (piece.Task.IsFaulted && !piece.Fatal && !_lifetime.ApplicationStopping.IsCancellationRequested))
            {
                Start(piece);
            }

            return piece.Task!;
        }
    }

    /// <summary>Starts every waiting piece; the edge calls it once a request has been answered.</summary>
    public void Release()
    {
        lock (_pieces)
        {
            if (!_released.TrySetResult())
            {
                return;
            }

            foreach (var piece in _pieces.Values.Where(p => p.Task is null))
            {
                Start(piece);
            }
        }
    }

    private void Start(Piece piece)
    {
        piece.Task = Task.Run(() => piece.Work(_lifetime.ApplicationStopping));
        if (piece.Fatal)
        {
            piece.Task.ContinueWith(t =>
            {
                Failure = t.Exception!.InnerException;
                _lifetime.StopApplication();
            }, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    private sealed class Piece(Func<CancellationToken, Task> work, bool fatal)
    {
        public Func<CancellationToken, Task> Work { get; } = work;

        public bool Fatal { get; } = fatal;

        public Task? Task { get; set; }
    }
}

public static class StartupWorkSetup
{
    public static IHostApplicationBuilder AddStartupWork(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StartupWork>();
        return builder;
    }
}
