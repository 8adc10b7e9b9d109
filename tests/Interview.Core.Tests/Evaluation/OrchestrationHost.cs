using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Interview.Core.Domain;
using Interview.Core.Evaluation;
using Interview.Core.Plans;
using Interview.Core.Sessions;
using Interview.Core.Tests.TestDoubles;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Interview.Core.Tests.Evaluation;

/// <summary>
/// The evaluation orchestration on the real Durable Task engine (DurableTaskTestHost: in memory, replaying the
/// orchestrator after every step), with in-memory sessions and reports and the evaluator a test chooses.
/// </summary>
internal sealed class OrchestrationHost : IAsyncDisposable
{
    private readonly DurableTaskTestHost _host;

    private OrchestrationHost(DurableTaskTestHost host) => _host = host;

    public InMemorySessionStore Sessions { get; } = new();

    public InMemoryEvaluationStore Reports { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public DurableTaskClient Client => _host.Client;

    public static async Task<OrchestrationHost> StartAsync(ICompetencyEvaluator evaluator)
    {
        OrchestrationHost? self = null;
        var logs = new CapturedLogs();
        var host = await DurableTaskTestHost.StartAsync(
            tasks => tasks.AddOrchestrator<EvaluationOrchestrator>()
                .AddActivity<LoadInterviewActivity>().AddActivity<ScoreCompetencyActivity>().AddActivity<StoreReportActivity>(),
            new DurableTaskTestHostOptions
            {
                Port = FreePort(),
                LoggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information)),
                ConfigureServices = s => s
                    .AddSingleton<ISessionStore>(_ => self!.Sessions)
                    .AddSingleton<IEvaluationStore>(_ => self!.Reports)
                    .AddSingleton(TestPlanLibrary.Create())
                    .AddSingleton<Interview.Core.Sessions.IInterviewIndex>(new InMemoryInterviewIndex())
                    .AddSingleton(evaluator),
            });
        self = new OrchestrationHost(host);
        self.Logs.Take(logs);
        return self;
    }

    /// <summary>An interview with these answers, ended (or in <paramref name="status"/>), stored as the app stores it.</summary>
    public Task EndedInterviewAsync(string id, string[] answers, SessionStatus status = SessionStatus.Ended)
    {
        var now = FixedClock.Start.UtcDateTime;
        var state = new SessionState(id, "closing", Transcripts.Of(answers), [], [], answers.Length, now, now, status,
            PlanCatalog.DefaultPlanId, "Software Engineer", "Ada", InterviewProgress.Empty) { EvaluationVersion = 1 };
        return Sessions.SaveAsync(null, state, null, CancellationToken.None);
    }

    /// <summary>Runs version <paramref name="version"/> of the interview's evaluation to its end (polling, with a deadline).</summary>
    public async Task<OrchestrationMetadata> RunAsync(string id, int version = 1)
    {
        var request = new EvaluationRequest(id, version);
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(EvaluationOrchestrator), request,
            new Microsoft.DurableTask.StartOrchestrationOptions(request.InstanceId));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(request.InstanceId, getInputsAndOutputs: true, deadline.Token);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Every log line the worker writes, by category, so a test can count what the orchestrator logged.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private ConcurrentQueue<(string Category, string Message)> _lines = new();

    public IReadOnlyList<(string Category, string Message)> Lines => [.. _lines];

    public void Take(CapturedLogs other) => _lines = other._lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?,
            string> formatter) =>
            owner._lines.Enqueue((category, formatter(state, exception)));
    }
}
