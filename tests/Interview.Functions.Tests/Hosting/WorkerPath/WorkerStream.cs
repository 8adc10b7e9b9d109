using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;

namespace Interview.Functions.Tests.Hosting.WorkerPath;

/// <summary>
/// The host's end of the worker's one gRPC stream (FunctionRpc.EventStream): the worker connects and says StartStream, then every request
/// the host sends is answered on the same stream with the same request_id, which is how they are paired here.
/// </summary>
internal sealed class WorkerStream : FunctionRpc.FunctionRpcBase
{
    private readonly Channel<StreamingMessage> _outgoing = Channel.CreateUnbounded<StreamingMessage>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new();
    private readonly ConcurrentQueue<string> _log = new();
    private volatile bool _closed;

    /// <summary>The worker id the worker announced in StartStream.</summary>
    public TaskCompletionSource<string> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream,
        IServerStreamWriter<StreamingMessage> responseStream,
        ServerCallContext context)
    {
        // One writer: a gRPC stream takes one write at a time, and invocations run concurrently. It stops with the call.
        _ = WriteAsync(responseStream, context.CancellationToken);
        try
        {
            await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
            {
                if (message.ContentCase == StreamingMessage.ContentOneofCase.StartStream)
                {
                    Started.TrySetResult(message.StartStream.WorkerId);
                }
                else if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
                {
                    Log($"{message.RpcLog.Level} {message.RpcLog.Category}: {message.RpcLog.Message} {message.RpcLog.Exception?.Message}");
                }
                else if (_pending.TryRemove(message.RequestId, out var answer))
                {
                    answer.TrySetResult(message);
                }
            }
        }
        finally
        {
            _closed = true;
            foreach (var answer in _pending.Values)
            {
                answer.TrySetException(new InvalidOperationException("The worker closed its gRPC stream."));
            }
        }
    }

    /// <summary>Sends <paramref name="request"/> and returns the worker's answer to it.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage request, TimeSpan timeout)
    {
        request.RequestId = Guid.NewGuid().ToString();
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[request.RequestId] = answer;
        if (_closed)
        {
            throw new InvalidOperationException("The worker's gRPC stream is closed.");
        }

        await _outgoing.Writer.WriteAsync(request);
        return await answer.Task.WaitAsync(timeout);
    }

    /// <summary>The worker's last log lines (RpcLog), for failure messages.</summary>
    public string Tail() => string.Join('\n', _log);

    private async Task WriteAsync(IServerStreamWriter<StreamingMessage> stream, CancellationToken ct)
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(ct))
            {
                await stream.WriteAsync(message, ct);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            // The call is over: the worker went away.
        }
    }

    private void Log(string line)
    {
        _log.Enqueue(line);
        while (_log.Count > 60 && _log.TryDequeue(out _))
        {
        }
    }
}
