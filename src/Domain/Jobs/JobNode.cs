namespace DagMaster.Domain.Jobs;

/// <summary>
/// The state of one node of one job. Only the <see cref="Job"/> changes it, through transitions the node
/// state machine allows.
/// </summary>
public sealed class JobNode
{
    private JobNode()
    {
        // For EF Core.
    }

    internal JobNode(JobId jobId, string nodeId, string? parentNodeId = null, int? index = null)
    {
        JobId = jobId;
        NodeId = nodeId;
        ParentNodeId = parentNodeId;
        Index = index;
        Status = NodeStatus.Pending;
    }

    public JobId JobId { get; private set; }

    public string NodeId { get; private set; } = null!;

    public NodeStatus Status { get; private set; }

    /// <summary>Attempts made so far, over the node's whole life (the current one included once dispatched).</summary>
    public int Attempt { get; private set; }

    /// <summary>Attempts made before the last operator retry or rerun; task ids stay unique across runs.</summary>
    public int AttemptOffset { get; private set; }

    /// <summary>Attempts made since the node last started over: what the retry policy counts.</summary>
    public int AttemptsThisRun => Attempt - AttemptOffset;

    public string? TaskId { get; private set; }

    public string? OutputJson { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    public DateTimeOffset? ReadyAt { get; private set; }

    public DateTimeOffset? DispatchedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? ParentNodeId { get; private set; }

    public int? Index { get; private set; }

    /// <summary>The parameters the current attempt was dispatched with (rendered).</summary>
    public string? ParamsJson { get; private set; }

    public string? CheckpointJson { get; private set; }

    /// <summary>The worker of the current or last attempt: the one that claimed or started it, or that reported its result.</summary>
    public string? WorkerId { get; private set; }

    /// <summary>How long the last attempt's handler ran, as its worker reported with the result.</summary>
    public long? DurationMs { get; private set; }

    public string? ProgressJson { get; private set; }

    public bool IsRetryScheduled => Status == NodeStatus.Failed && NextAttemptAt is not null;

    /// <summary>A fan-out's number of children (0 for other nodes).</summary>
    public int ChildrenTotal { get; private set; }

    /// <summary>A fan-out's children dispatched in this run and not completed yet (retries waiting included).</summary>
    public int ChildrenActive { get; private set; }

    /// <summary>A fan-out's completed children.</summary>
    public int ChildrenCompleted { get; private set; }

    /// <summary>A fan-out's children that wait for a free slot: neither dispatched in this run nor completed.</summary>
    public int ChildrenWaiting => ChildrenTotal - ChildrenActive - ChildrenCompleted;

    internal void CountChildren(int total, int active, int completed)
    {
        ChildrenTotal = total;
        ChildrenActive = active;
        ChildrenCompleted = completed;
    }

    internal void ChildActivated() => ChildrenActive++;

    internal void ChildCompleted()
    {
        ChildrenActive--;
        ChildrenCompleted++;
    }

    /// <summary>A fan-out child's parameters, rendered once when its fan-out expands.</summary>
    internal void SetParams(string paramsJson) => ParamsJson = paramsJson;

    internal void MarkReady(DateTimeOffset now)
    {
        MoveTo(NodeStatus.Ready);
        ReadyAt = now;
        NextAttemptAt = null;
    }

    internal void MarkSkipped(DateTimeOffset now)
    {
        MoveTo(NodeStatus.Skipped);
        CompletedAt = now;
    }

    internal void MarkDispatched(string taskId, string paramsJson, DateTimeOffset now)
    {
        MoveTo(NodeStatus.Dispatched);
        Attempt++;
        TaskId = taskId;
        ParamsJson = paramsJson;
        DispatchedAt = now;
        StartedAt = null;
        LeaseExpiresAt = null;
        Error = null;
        WorkerId = null;
        DurationMs = null;
    }

    /// <summary>A worker took the dispatched attempt: it runs, leased to that worker.</summary>
    internal void MarkStarted(string workerId, DateTimeOffset leaseExpiresAt, DateTimeOffset now)
    {
        MoveTo(NodeStatus.Running);
        StartedAt = now;
        LeaseExpiresAt = leaseExpiresAt;
        WorkerId = workerId;
    }

    /// <summary>A fan-out whose children were created: it runs until every child is terminal.</summary>
    internal void MarkExpanded(string sourceJson, DateTimeOffset now)
    {
        MoveTo(NodeStatus.Dispatched);
        MoveTo(NodeStatus.Running);
        Attempt++;
        ParamsJson = sourceJson;
        DispatchedAt = now;
        StartedAt = now;
    }

    internal void MarkCompleted(string? outputJson, DateTimeOffset now)
    {
        MoveTo(NodeStatus.Completed);
        OutputJson = outputJson;
        CompletedAt = now;
        Error = null;
        LeaseExpiresAt = null;
    }

    internal void MarkFailed(string error, DateTimeOffset now, DateTimeOffset? retryAt)
    {
        MoveTo(NodeStatus.Failed);
        Error = error;
        CompletedAt = now;
        NextAttemptAt = retryAt;
        LeaseExpiresAt = null;
    }

    /// <summary>What the worker told about the attempt whose result was applied; what it left out is kept.</summary>
    internal void RecordRun(TaskRun? run)
    {
        if (run is null)
        {
            return;
        }

        WorkerId = run.WorkerId ?? WorkerId;
        DurationMs = run.DurationMs ?? DurationMs;
    }

    internal void MarkCancelled(DateTimeOffset now)
    {
        MoveTo(NodeStatus.Cancelled);
        CompletedAt = now;
        NextAttemptAt = null;
    }

    /// <summary>
    /// The operator's edge back from a terminal state (retry or rerun): the node starts over with a fresh
    /// attempt counter; its checkpoint is kept so a resumable handler can continue.
    /// </summary>
    internal void ResetByOperator()
    {
        if (!Status.IsTerminal())
        {
            throw new InvalidStatusTransitionException($"node '{NodeId}'", Status.Text(), NodeStatus.Pending.Text());
        }

        Status = NodeStatus.Pending;
        AttemptOffset = Attempt;
        TaskId = null;
        OutputJson = null;
        Error = null;
        NextAttemptAt = null;
        LeaseExpiresAt = null;
        ReadyAt = null;
        DispatchedAt = null;
        StartedAt = null;
        CompletedAt = null;
        ProgressJson = null;
        WorkerId = null;
        DurationMs = null;
    }

    private void MoveTo(NodeStatus to)
    {
        if (!StatusTransitions.IsAllowed(Status, to))
        {
            throw new InvalidStatusTransitionException($"node '{NodeId}'", Status.Text(), to.Text());
        }

        Status = to;
    }
}
