using System.Collections.Concurrent;
using System.Reflection;
using DurableTask.Core;

namespace Interview.Local.Durable;

/// <summary>
/// The Azure Storage engine as the standalone sidecar needs it, fixing two things the sidecar does not do:
/// <list type="bullet">
/// <item>Its activity dispatcher never renews an activity's queue lock (Durable Functions' own dispatcher does). On Azure
/// Storage a lock lapses after the work-item visibility timeout, and a scoring call that outlives it would be delivered
/// again while still running and then fail to complete. Every running activity's lock is renewed here at a third of that
/// timeout until it completes or is abandoned, so the timeout can stay short (a crashed process's activities come back
/// within seconds) without cutting long model calls short.</item>
/// <item>It starts and stops the engine from <c>async void</c> handlers, where any exception takes the whole process down:
/// stopping an engine that never started (an app shut down before the worker connected) throws, and so does starting
/// one while the app is already shutting down. Start and stop failures are logged here instead.</item>
/// </list>
/// Every other member passes straight through.
/// </summary>
public partial class SidecarOrchestrationService : DispatchProxy
{
    private readonly ConcurrentDictionary<string, (CancellationTokenSource Stop, Task Loop)> _renewals = new();
    private IOrchestrationService _inner = null!;
    private TimeSpan _interval;
    private ILogger _logger = null!;
    private int _started;

    public static IOrchestrationService Wrap(IOrchestrationService inner, TimeSpan visibilityTimeout, ILogger logger)
    {
        var proxy = Create<IOrchestrationService, SidecarOrchestrationService>();
        var wrapper = (SidecarOrchestrationService)(object)proxy;
        (wrapper._inner, wrapper._interval, wrapper._logger) = (inner, visibilityTimeout / 3, logger);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args) => method!.Name switch
    {
        nameof(IOrchestrationService.StartAsync) => StartAsync(),
        nameof(IOrchestrationService.StopAsync) => StopAsync(args is [bool forced] && forced),
        nameof(IOrchestrationService.LockNextTaskActivityWorkItem) => LockAsync((TimeSpan)args![0]!, (CancellationToken)args[1]!),
        nameof(IOrchestrationService.CompleteTaskActivityWorkItemAsync) =>
            ThenAsync((TaskActivityWorkItem)args![0]!, ()
                => _inner.CompleteTaskActivityWorkItemAsync((TaskActivityWorkItem)args[0]!, (TaskMessage)args[1]!)),
        nameof(IOrchestrationService.AbandonTaskActivityWorkItemAsync) =>
            ThenAsync((TaskActivityWorkItem)args![0]!, () => _inner.AbandonTaskActivityWorkItemAsync((TaskActivityWorkItem)args[0]!)),
        _ => method.Invoke(_inner, BindingFlags.DoNotWrapExceptions, null, args, null),
    };

    private async Task StartAsync()
    {
        try
        {
            await _inner.StartAsync();
            Interlocked.Exchange(ref _started, 1);
        }
        catch (Exception ex)
        {
            Report(ex, started: false);
        }
    }

    private async Task StopAsync(bool forced)
    {
        if (Interlocked.Exchange(ref _started, 0) == 0)
        {
            return;
        }

        try
        {
            await _inner.StopAsync(forced);
        }
        catch (Exception ex)
        {
            Report(ex, started: true);
        }
    }

    /// <summary>Logs a start or stop failure; during shutdown the logging itself may be gone, which must not throw either.</summary>
    private void Report(Exception exception, bool started)
    {
        try
        {
            if (started)
            {
                Log.StopFailed(_logger, exception);
            }
            else
            {
                Log.StartFailed(_logger, exception);
            }
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task<TaskActivityWorkItem> LockAsync(TimeSpan receiveTimeout, CancellationToken ct)
    {
        var item = await _inner.LockNextTaskActivityWorkItem(receiveTimeout, ct);
        if (item is not null)
        {
            var stop = new CancellationTokenSource();
            _renewals[item.Id] = (stop, RenewAsync(item, stop.Token));
        }

        return item!;
    }

    private async Task RenewAsync(TaskActivityWorkItem item, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_interval, stop);
                await _inner.RenewTaskActivityWorkItemLockAsync(item);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The lock lapses: the activity may run again elsewhere, which it tolerates (activities are idempotent).
            Log.RenewFailed(_logger, ex, item.Id);
        }
    }

    /// <summary>Stops renewing (and waits out a renewal in flight, which changes the lock's receipt) before <paramref
    /// name="next"/>.</summary>
    private async Task ThenAsync(TaskActivityWorkItem item, Func<Task> next)
    {
        if (_renewals.TryRemove(item.Id, out var renewal))
        {
            await renewal.Stop.CancelAsync();
            await renewal.Loop;
            renewal.Stop.Dispose();
        }

        await next();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "The Durable Task engine did not start: evaluations wait until the app restarts")]
        public static partial void StartFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning,
            Message = "The Durable Task engine did not stop cleanly; unfinished work resumes on the next start")]
        public static partial void StopFailed(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lock of activity work item {WorkItem}")]
        public static partial void RenewFailed(ILogger logger, Exception exception, string workItem);
    }
}
