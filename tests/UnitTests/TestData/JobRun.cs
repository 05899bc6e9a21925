using DagMaster.Domain.Jobs;
using DagMaster.Domain.Workflows;
using Microsoft.Extensions.Time.Testing;

namespace DagMaster.UnitTests.TestData;

/// <summary>
/// A started job with its definition and clock. The helpers play the worker's part: they answer the current
/// task of a node, and collect every dispatch the job makes (in <see cref="Dispatched"/>).
/// </summary>
public sealed class JobRun
{
    private readonly List<TaskDispatch> _dispatched = [];

    public JobRun(Job job, WorkflowDefinition definition, FakeTimeProvider clock)
    {
        Job = job;
        Definition = definition;
        Clock = clock;
        CollectDispatches();
    }

    public Job Job { get; }

    public WorkflowDefinition Definition { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>Every task dispatched so far, in order.</summary>
    public IReadOnlyList<TaskDispatch> Dispatched => _dispatched;

    /// <summary>The ids of the nodes dispatched so far, in dispatch order.</summary>
    public IReadOnlyList<string> DispatchedNodes => _dispatched.Select(d => d.NodeId).ToList();

    public IReadOnlyList<string> EventTypes => Job.Events.Select(e => e.Type).ToList();

    public JobNode Node(string nodeId) => Job.FindNode(nodeId) ?? throw new InvalidOperationException($"no node '{nodeId}'");

    public NodeStatus StatusOf(string nodeId) => Node(nodeId).Status;

    /// <summary>The task id of the node's current attempt.</summary>
    public string TaskIdOf(string nodeId) =>
        Node(nodeId).TaskId ?? throw new InvalidOperationException($"node '{nodeId}' has not been dispatched");

    /// <summary>The latest dispatch of the node.</summary>
    public TaskDispatch DispatchOf(string nodeId) =>
        _dispatched.LastOrDefault(d => d.NodeId == nodeId) ?? throw new InvalidOperationException($"node '{nodeId}' has not been dispatched");

    public IReadOnlyList<JobEvent> EventsOf(string type) => Job.Events.Where(e => e.Type == type).ToList();

    /// <summary>The worker reports success for the node's current task.</summary>
    public ResultOutcome Complete(string nodeId, string? outputJson = "{}") => CompleteTask(TaskIdOf(nodeId), outputJson);

    public ResultOutcome CompleteTask(string taskId, string? outputJson = "{}")
    {
        var outcome = Job.CompleteTask(Definition, taskId, outputJson, Clock);
        CollectDispatches();
        return outcome;
    }

    /// <summary>The worker reports a failure for the node's current task.</summary>
    public ResultOutcome Fail(string nodeId, string message = "boom", bool retryable = true) =>
        FailTask(TaskIdOf(nodeId), new TaskFailure(message, "TestError", retryable));

    public ResultOutcome FailTask(string taskId, TaskFailure failure)
    {
        var outcome = Job.FailTask(Definition, taskId, failure, Clock);
        CollectDispatches();
        return outcome;
    }

    /// <summary>Moves the fake clock on and runs the retry sweep.</summary>
    public int RetryDueNodesAfter(TimeSpan wait)
    {
        Clock.Advance(wait);
        return RetryDueNodes();
    }

    public int RetryDueNodes()
    {
        var retried = Job.RetryDueNodes(Definition, Clock);
        CollectDispatches();
        return retried;
    }

    public void Cancel(string actor = "operator@example.com", string? reason = "no longer needed") => Job.Cancel(actor, reason, Clock);

    /// <summary>Completes the node's task and fails the test if it was not applied.</summary>
    public JobRun Completed(string nodeId, string? outputJson = "{}")
    {
        var outcome = Complete(nodeId, outputJson);
        if (outcome != ResultOutcome.Applied)
        {
            throw new InvalidOperationException($"completing '{nodeId}' was {outcome}");
        }

        return this;
    }

    private void CollectDispatches() => _dispatched.AddRange(Job.TakeDispatches());
}
