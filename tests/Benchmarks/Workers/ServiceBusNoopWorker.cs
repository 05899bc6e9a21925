using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Azure.Messaging.ServiceBus;

namespace DagMaster.Benchmarks.Workers;

/// <summary>
/// A no-op worker on the Service Bus transport: one peek-lock processor per queue (<c>concurrency</c> messages at
/// once), each task answered at once with an empty output on the results queue, then its message completed. The
/// record's "complete sent" and "complete acked" times are the result send's start and the broker's acceptance.
/// It stops when its standard input closes, then writes what it saw to <c>records</c>.
/// </summary>
public static class ServiceBusNoopWorker
{
    public static async Task<int> RunAsync(CommandLine args)
    {
        var workerId = args.Text("id", $"bench-worker-{Environment.ProcessId}");
        var concurrency = args.Int("concurrency", 16);
        await using var client = new ServiceBusClient(args.Required("connection"));
        await using var results = client.CreateSender(args.Text("results-queue", "dag-task-results"));
        var records = new ConcurrentQueue<TaskRecord>();
        var errors = 0;
        var processors = new List<ServiceBusProcessor>();
        foreach (var queue in args.Required("queues").Split(','))
        {
            var processor = client.CreateProcessor(queue, new ServiceBusProcessorOptions
            {
                AutoCompleteMessages = false,
                MaxConcurrentCalls = concurrency,
                PrefetchCount = concurrency * 2,
            });
            processor.ProcessMessageAsync += async message =>
            {
                var received = Stopwatch.GetTimestamp();
                using var task = JsonDocument.Parse(message.Message.Body.ToMemory());
                var taskId = task.RootElement.GetProperty("task_id").GetString()!;
                var result = new ServiceBusMessage(BinaryData.FromString(
                    $"{{\"task_id\":\"{taskId}\",\"status\":\"completed\",\"output\":{{}},\"duration_ms\":0,\"worker_id\":\"{workerId}\"}}"))
                {
                    MessageId = taskId + ":completed",
                    ContentType = "application/json",
                };
                var sent = Stopwatch.GetTimestamp();
                await results.SendMessageAsync(result, message.CancellationToken);
                var acked = Stopwatch.GetTimestamp();
                await message.CompleteMessageAsync(message.Message, message.CancellationToken);
                records.Enqueue(new TaskRecord(
                    task.RootElement.GetProperty("job_id").GetString()!, task.RootElement.GetProperty("node_id").GetString()!, received, sent, acked, 204));
            };
            processor.ProcessErrorAsync += _ =>
            {
                Interlocked.Increment(ref errors);
                return Task.CompletedTask;
            };
            await processor.StartProcessingAsync();
            processors.Add(processor);
        }

        await Console.In.ReadToEndAsync();
        foreach (var processor in processors)
        {
            await processor.StopProcessingAsync();
            await processor.DisposeAsync();
        }

        await File.WriteAllLinesAsync(args.Required("records"), records.Select(r => r.ToLine()), CancellationToken.None);
        Console.WriteLine(JsonSerializer.Serialize(new { completed = records.Count, errors }));
        return 0;
    }
}
