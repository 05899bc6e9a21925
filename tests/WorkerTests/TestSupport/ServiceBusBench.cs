using System.Text;
using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using DagMaster.Testing.ServiceBus;
using DagMaster.Worker;

namespace DagMaster.WorkerTests.TestSupport;

/// <summary>A Service Bus test peer, a client to send task messages with, and the results queue as the worker writes it.</summary>
internal sealed class ServiceBusBench : IAsyncDisposable
{
    public const string TaskQueue = "tasks";
    public const string ResultsQueue = "dag-task-results";

    private ServiceBusBench(ServiceBusPeer peer)
    {
        Peer = peer;
        Client = new ServiceBusClient(peer.ConnectionString, new ServiceBusClientOptions { RetryOptions = ShortRetries() });
    }

    public ServiceBusPeer Peer { get; }

    public ServiceBusClient Client { get; }

    public static async Task<ServiceBusBench> StartAsync() => new(await ServiceBusPeer.StartAsync());

    /// <summary>Points a worker at this peer with test-sized Service Bus retries.</summary>
    public void Configure(WorkerOptions options, params string[] queues)
    {
        options.Transport = WorkerTransport.ServiceBus;
        options.Queues = queues.Length == 0 ? [TaskQueue] : [.. queues];
        options.ServiceBus.ConnectionString = Peer.ConnectionString;
        options.ServiceBus.ResultsQueue = ResultsQueue;
        options.ServiceBus.MaxRetries = 1;
        options.ServiceBus.RetryDelay = TimeSpan.FromMilliseconds(50);
        options.ServiceBus.TryTimeout = TimeSpan.FromSeconds(5);
    }

    /// <summary>A task message as DagMaster sends it: JSON body, MessageId = task_id, Subject = handler, the routing properties.</summary>
    public static ServiceBusMessage TaskMessage(string taskId, string handler, JsonObject? parameters = null, int timeoutSeconds = 60)
    {
        var body = new JsonObject
        {
            ["task_id"] = taskId,
            ["job_id"] = "job-1",
            ["node_id"] = taskId,
            ["handler"] = handler,
            ["queue"] = TaskQueue,
            ["params"] = parameters ?? [],
            ["attempt"] = 1,
            ["max_attempts"] = 3,
            ["timeout_seconds"] = timeoutSeconds,
            ["correlation_id"] = null,
            ["workflow_id"] = "echo_test",
            ["workflow_version"] = 1,
            ["checkpoint"] = null,
            ["dispatched_at"] = "2026-02-13T12:00:00.000000",
            ["retry_count"] = 0,
        };
        return Message(taskId, handler, body.ToJsonString());
    }

    public static ServiceBusMessage Message(string taskId, string handler, string body)
    {
        var message = new ServiceBusMessage(BinaryData.FromString(body))
        {
            MessageId = taskId,
            Subject = handler,
            ContentType = "application/json",
        };
        message.ApplicationProperties["job_id"] = "job-1";
        message.ApplicationProperties["node_id"] = taskId;
        message.ApplicationProperties["handler"] = handler;
        message.ApplicationProperties["attempt"] = 1;
        return message;
    }

    public async Task SendAsync(ServiceBusMessage message, string queue = TaskQueue)
    {
        await using var sender = Client.CreateSender(queue);
        await sender.SendMessageAsync(message, TestContext.Current.CancellationToken);
    }

    /// <summary>The result messages of a task on the results queue, in the order they were sent.</summary>
    public IReadOnlyList<PeerMessage> ResultMessages(string taskId) =>
        [.. Peer.GetMessages(ResultsQueue).Where(m => m.ApplicationProperties.GetValueOrDefault("task_id") as string == taskId)];

    /// <summary>The bodies of <see cref="ResultMessages"/>.</summary>
    public IReadOnlyList<JsonObject> Results(string taskId) =>
        [.. ResultMessages(taskId).Select(m => (JsonObject)JsonNode.Parse(Encoding.UTF8.GetString(m.Body))!)];

    public IReadOnlyList<string> Statuses(string taskId) => [.. Results(taskId).Select(r => r["status"]!.GetValue<string>())];

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Peer.DisposeAsync();
    }

    private static ServiceBusRetryOptions ShortRetries() => new()
    {
        MaxRetries = 1,
        Delay = TimeSpan.FromMilliseconds(50),
        TryTimeout = TimeSpan.FromSeconds(5),
        Mode = ServiceBusRetryMode.Fixed,
    };
}
