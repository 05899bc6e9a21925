using System.Text.Json.Nodes;
using DagMaster.Worker;
using DagMaster.Worker.Client;

namespace DagMaster.WorkerTests.TestSupport;

/// <summary>Task messages and contexts for handler tests.</summary>
internal static class TestTasks
{
    public const string TaskId = "job-1:node-a:1";

    public static TaskMessage Message(string handler, JsonObject? parameters = null, TaskCheckpoint? checkpoint = null, int attempt = 1) => new()
    {
        TaskId = TaskId,
        JobId = "job-1",
        NodeId = "node-a",
        Handler = handler,
        Queue = "test-queue",
        Params = parameters ?? [],
        Attempt = attempt,
        MaxAttempts = 3,
        TimeoutSeconds = 60,
        CorrelationId = "corr-1",
        WorkflowId = "test_workflow",
        WorkflowVersion = 1,
        Checkpoint = checkpoint,
    };

    public static TaskContext Context(string handler, JsonObject? parameters, FakeTaskReporter reporter, TaskCheckpoint? checkpoint = null, int attempt = 1) =>
        new(Message(handler, parameters, checkpoint, attempt), reporter);

    public static TaskContext Context(string handler, JsonObject? parameters = null) => Context(handler, parameters, new FakeTaskReporter());

    public static JsonArray Strings(params string[] values) => [.. values.Select(v => (JsonNode?)JsonValue.Create(v))];
}
