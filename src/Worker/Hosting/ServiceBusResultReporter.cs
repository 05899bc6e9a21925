using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using DagMaster.Worker.Client;

namespace DagMaster.Worker.Hosting;

/// <summary>
/// Sends results to the results queue: JSON bodies, <c>MessageId = task_id:status</c> (so duplicate detection drops a
/// repeated result), <c>Subject = status</c>, application property <c>task_id</c>. The SDK retries each send.
/// </summary>
internal sealed class ServiceBusResultReporter(ServiceBusSender sender, string workerId) : ITaskResultReporter
{
    public Task ReportRunningAsync(TaskMessage message, CancellationToken cancellationToken) =>
        SendAsync(new TaskResultMessage(message.TaskId, TaskResultMessage.Running, workerId), cancellationToken);

    public async Task ReportCompletedAsync(TaskMessage message, JsonObject output, long durationMs, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(new TaskResultMessage(message.TaskId, TaskResultMessage.Completed, workerId, Output: output, DurationMs: durationMs), cancellationToken);
        }
        catch (ServiceBusException ex) when (ex.Reason == ServiceBusFailureReason.MessageSizeExceeded)
        {
            throw new TaskOutputRefusedException($"The output does not fit in a Service Bus message: {ex.Message}", ex);
        }
    }

    public Task ReportFailedAsync(TaskMessage message, TaskError error, long durationMs, CancellationToken cancellationToken) =>
        SendAsync(new TaskResultMessage(message.TaskId, TaskResultMessage.Failed, workerId, Error: error, DurationMs: durationMs), cancellationToken);

    private Task SendAsync(TaskResultMessage result, CancellationToken cancellationToken)
    {
        var message = new ServiceBusMessage(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(result, WorkerJson.Options)))
        {
            MessageId = $"{result.TaskId}:{result.Status}",
            Subject = result.Status,
            ContentType = "application/json",
        };
        message.ApplicationProperties["task_id"] = result.TaskId;
        return sender.SendMessageAsync(message, cancellationToken);
    }
}
