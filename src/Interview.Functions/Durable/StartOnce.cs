using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Interview.Functions.Durable;

/// <summary>Starting an orchestration whose instance id names the work, so that asking twice starts it once.</summary>
public static class StartOnce
{
    private static readonly OrchestrationRuntimeStatus[] AnyStatus = Enum.GetValues<OrchestrationRuntimeStatus>();

    /// <summary>
    /// Starts <paramref name="orchestrator"/> as <paramref name="instanceId"/> unless that instance exists in any state (false
    /// then): refused, not restarted, so two racing callers make one orchestration. <paramref name="mayExist"/> false skips
    /// the read first (a round trip) when the caller has just created what the instance is for; the refusal still holds.
    /// </summary>
    public static async Task<bool> StartOnceAsync(this DurableTaskClient client, string orchestrator, object input, string instanceId,
        CancellationToken ct, bool mayExist = true)
    {
        if (mayExist && await client.GetInstanceAsync(instanceId, ct) is not null)
        {
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input,
                new StartOrchestrationOptions(instanceId).WithDedupeStatuses(AnyStatus), ct);
            return true;
        }
        catch (Exception ex) when (ex is OrchestrationAlreadyExistsException or RpcException { StatusCode: StatusCode.AlreadyExists })
        {
            return false;
        }
    }
}
