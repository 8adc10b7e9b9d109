using System.Diagnostics;
using System.Globalization;

namespace Interview.LoadTest.Local;

/// <summary>
/// A process this tool started (Azurite, the app), its output appended to a log file. It is only ever stopped through
/// its own process id: SIGTERM for a graceful stop, SIGKILL for a crash.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Queue<string> _tail = new();
    private bool _closed;

    private ChildProcess(Process process, StreamWriter log)
    {
        (_process, _log) = (process, log);
        _process.OutputDataReceived += (_, e) => Write(e.Data);
        _process.ErrorDataReceived += (_, e) => Write(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    /// <summary>CPU time used so far; zero once the process is gone.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            try
            {
                return _process.TotalProcessorTime;
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                return TimeSpan.Zero;
            }
        }
    }

    public static ChildProcess Start(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment,
        string workingDirectory, string logPath)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"--- {DateTimeOffset.UtcNow:O} start {file} {string.Join(' ', info.ArgumentList)}"));
        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}"), log);
    }

    /// <summary>SIGTERM, then SIGKILL if it is still running after <paramref name="grace"/>. True when it stopped on its own.</summary>
    public async Task<bool> TerminateAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return true;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            return false;
        }
    }

    /// <summary>SIGKILL: a crash, nothing flushed, no shutdown code run.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// Polls <paramref name="condition"/> every 50 ms until it holds; gives up with this process's last output when it exits
    /// or <paramref name="timeout"/> passes.
    /// </summary>
    public async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (HasExited || deadline.Elapsed > timeout)
            {
                throw new InvalidOperationException(
                    $"Gave up waiting for {what} ({(HasExited ? "it exited" : "timeout")}). Last output:\n{Tail()}");
            }

            await Task.Delay(50);
        }
    }

    public string Tail()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        lock (_tail)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private void Write(string? line)
    {
        lock (_tail)
        {
            if (line is null || _closed)
            {
                return;
            }

            _log.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }
}
