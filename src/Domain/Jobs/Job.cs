using System.Text.Json;
using System.Text.Json.Nodes;
using DagMaster.Domain.Common;
using DagMaster.Domain.Workflows;

namespace DagMaster.Domain.Jobs;

/// <summary>
/// One run of a workflow version. The job owns its node states and every transition of the job and node
/// state machines: readiness and skipping, dispatch, results, retries and fail-fast. Its methods take the
/// job's workflow definition (the snapshot it started with) and a clock.
/// </summary>
public sealed partial class Job : Entity, IAggregateRoot
{
    private readonly List<JobNode> _nodes = [];
    private readonly List<JobEvent> _events = [];
    private readonly List<TaskDispatch> _dispatches = [];
    private readonly List<JobNode> _createdChildren = [];
    private readonly List<string> _fanOutsToCancel = [];
    private readonly Dictionary<string, FanOutDemand> _demands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string?>> _childOutputs = new(StringComparer.Ordinal);
    private Dictionary<string, JobNode>? _nodesById;
    private FanOutLimits _fanOutLimits = FanOutLimits.Default;
    private object? _inputs;
    private Dictionary<string, (string Json, object? Value)>? _parsedOutputs;

    private Job()
    {
        // For EF Core.
    }

    public JobId Id { get; private set; }

    public string WorkflowId { get; private set; } = null!;

    public int WorkflowVersion { get; private set; }

    /// <summary>Content hash of the workflow version the job runs (its snapshot).</summary>
    public string WorkflowContentHash { get; private set; } = null!;

    public string InputsJson { get; private set; } = "{}";

    public JobStatus Status { get; private set; }

    public int Priority { get; private set; }

    public string? CorrelationId { get; private set; }

    /// <summary>The W3C trace context (<c>traceparent</c>) of the job's span: its tasks' spans, and the workers', hang under it.</summary>
    public string? TraceParent { get; private set; }

    public string? PlatformId { get; private set; }

    public string? ExternalRefsJson { get; private set; }

    public string? IdempotencyScope { get; private set; }

    public string? IdempotencyKey { get; private set; }

    public string? RequestHash { get; private set; }

    public string? ResultJson { get; private set; }

    public string? Error { get; private set; }

    public string? FailedNodeId { get; private set; }

    public string? SubmittedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset? Deadline { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// The node states this instance holds: every workflow node, plus the fan-out children it loaded or created
    /// (a job is loaded with only the children a step needs).
    /// </summary>
    public IReadOnlyCollection<JobNode> Nodes => AllNodes.ToList().AsReadOnly();

    /// <summary>
    /// Gives the job node states storage read for it: its workflow nodes and the fan-out children a step names.
    /// Answers the nodes taken: a node the job holds already is kept as it is. Storage keeps track of what the
    /// job then changes.
    /// </summary>
    public IReadOnlyList<JobNode> AddLoadedNodes(IReadOnlyList<JobNode> nodes)
    {
        if (_nodes.Count == 0 && _createdChildren.Count == 0)
        {
            _nodes.AddRange(nodes);
            _nodesById = null;
            return nodes;
        }

        var taken = new List<JobNode>(nodes.Count);
        foreach (var node in nodes)
        {
            if (FindNode(node.NodeId) is null)
            {
                _nodes.Add(node);
                _nodesById!.Add(node.NodeId, node);
                taken.Add(node);
            }
        }

        return taken;
    }

    /// <summary>Timeline entries added by this instance and not yet taken by storage (existing ones are never loaded).</summary>
    public IReadOnlyCollection<JobEvent> Events => _events.AsReadOnly();

    private IEnumerable<JobNode> AllNodes => _createdChildren.Count == 0 ? _nodes : _nodes.Concat(_createdChildren);

    /// <summary>The workflow's own nodes; a fan-out among them is finished only when all of its children are.</summary>
    private IEnumerable<JobNode> WorkflowNodes => _nodes.Where(n => n.ParentNodeId is null);

    /// <summary>Task attempts to deliver, produced by the last operations; <see cref="TakeDispatches"/> drains them.</summary>
    public IReadOnlyList<TaskDispatch> PendingDispatches => _dispatches;

    /// <summary>True once the job has ended and undelivered tasks should be withdrawn from the queue.</summary>
    public bool WithdrawQueuedTasks { get; private set; }

    /// <summary>Ties the job to its trace (once, before its first tasks are dispatched).</summary>
    public void TraceAs(string? traceParent) => TraceParent ??= traceParent;

    public static Job Submit(
        WorkflowDefinition definition,
        string contentHash,
        IReadOnlyDictionary<string, object?> inputs,
        JobSubmission submission,
        TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var job = new Job
        {
            Id = JobId.New(),
            WorkflowId = definition.WorkflowId,
            WorkflowVersion = definition.Version,
            WorkflowContentHash = contentHash,
            InputsJson = Workflows.Templates.TemplateValues.ToJson(inputs),
            Status = JobStatus.Pending,
            Priority = submission.Priority,
            CorrelationId = submission.CorrelationId,
            PlatformId = submission.PlatformId,
            ExternalRefsJson = submission.ExternalRefsJson,
            IdempotencyScope = submission.IdempotencyScope,
            IdempotencyKey = submission.IdempotencyKey,
            RequestHash = submission.RequestHash,
            SubmittedBy = submission.SubmittedBy,
            CreatedAt = now,
            UpdatedAt = now,
            Deadline = definition.TimeoutSeconds is { } seconds ? now.AddSeconds(seconds) : null,
        };
        job._nodes.AddRange(definition.Nodes.Select(n => new JobNode(job.Id, n.Id)));
        job.Record(JobEventTypes.JobCreated, null, new { workflow_id = definition.WorkflowId, workflow_version = definition.Version }, submission.SubmittedBy, now);
        return job;
    }

    /// <summary>The deployment's fan-out bounds for what this job does from now on (not stored: they are settings).</summary>
    public void UseLimits(FanOutLimits limits) => _fanOutLimits = limits;

    /// <summary>Starts the job: the start node completes and the first tasks are dispatched.</summary>
    public void Start(WorkflowDefinition definition, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (Status != JobStatus.Pending)
        {
            // failed/cancelled → running is allowed only for an operator retry or rerun, never by a second start.
            throw new InvalidStatusTransitionException($"job {Id}", Status.Text(), JobStatus.Running.Text());
        }

        MoveTo(JobStatus.Running, now);
        StartedAt = now;
        Record(JobEventTypes.JobStarted, null, null, null, now);
        Advance(definition, now);
    }

    public List<TaskDispatch> TakeDispatches()
    {
        var taken = _dispatches.ToList();
        _dispatches.Clear();
        return taken;
    }

    /// <summary>The workflow node a job node runs: itself, or for a fan-out child its fan-out.</summary>
    private static NodeDefinition SpecOf(WorkflowDefinition definition, JobNode node) =>
        definition.GetNode(node.ParentNodeId ?? node.NodeId);

    public JobNode? FindNode(string nodeId)
    {
        _nodesById ??= AllNodes.ToDictionary(n => n.NodeId, StringComparer.Ordinal);
        return _nodesById.GetValueOrDefault(nodeId);
    }

    /// <summary>Timeline entries to store; the instance forgets them.</summary>
    public IReadOnlyList<JobEvent> TakeEvents()
    {
        var events = _events.ToList();
        _events.Clear();
        return events;
    }

    /// <summary>
    /// A worker took the dispatched attempt <paramref name="taskId"/> in the unit of work that dispatched it (its
    /// claim was waiting): the node runs. False when that attempt is no longer the node's dispatched one.
    /// </summary>
    public bool StartTask(string taskId, string workerId, DateTimeOffset leaseExpiresAt, DateTimeOffset now)
    {
        if (FindNode(NodeIdOf(taskId)) is not { Status: NodeStatus.Dispatched } node || node.TaskId != taskId)
        {
            return false;
        }

        node.MarkStarted(workerId, leaseExpiresAt, now);
        Record(JobEventTypes.NodeStarted, node.NodeId, new { task_id = taskId, worker_id = workerId }, null, now);
        return true;
    }

    /// <summary>Applies a worker's success for <paramref name="taskId"/>.</summary>
    public ResultOutcome CompleteTask(WorkflowDefinition definition, string taskId, string? outputJson, TimeProvider clock, TaskRun? run = null)
    {
        var now = clock.GetUtcNow();
        if (CheckResult(taskId, "completed", now) is { } ignored)
        {
            return ignored;
        }

        var node = FindNode(NodeIdOf(taskId))!;
        node.MarkCompleted(outputJson, now);
        node.RecordRun(run);
        if (node.ParentNodeId is { } parentId)
        {
            FindNode(parentId)!.ChildCompleted();
        }

        Record(JobEventTypes.NodeCompleted, node.NodeId, AttemptData(taskId, node.Attempt, run), null, now);
        Advance(definition, now);
        return ResultOutcome.Applied;
    }

    /// <summary>Applies a failed attempt: a retry is scheduled when allowed, otherwise the job fails at once.</summary>
    public ResultOutcome FailTask(
        WorkflowDefinition definition, string taskId, TaskFailure failure, TimeProvider clock, string eventType = JobEventTypes.NodeFailed, TaskRun? run = null)
    {
        var now = clock.GetUtcNow();
        if (CheckResult(taskId, "failed", now) is { } ignored)
        {
            return ignored;
        }

        var node = FindNode(NodeIdOf(taskId))!;
        var retry = SpecOf(definition, node).Retry;
        if (failure.Retryable && node.AttemptsThisRun < retry.MaxAttempts && Status == JobStatus.Running)
        {
            var delay = retry.DelayAfter(node.AttemptsThisRun) * (1 + (Random.Shared.NextDouble() * 0.1));
            node.MarkFailed(failure.Message, now, now + delay);
            node.RecordRun(run);
            Record(eventType, node.NodeId, FailureData(taskId, node.Attempt, failure, retryable: true, run), null, now);
            Record(JobEventTypes.RetryScheduled, node.NodeId, new { attempt = node.AttemptsThisRun + 1, at = node.NextAttemptAt, delay_seconds = Math.Round(delay.TotalSeconds, 3) }, null, now);
            return ResultOutcome.Applied;
        }

        node.MarkFailed(failure.Message, now, null);
        node.RecordRun(run);
        Record(eventType, node.NodeId, FailureData(taskId, node.Attempt, failure, failure.Retryable, run), null, now);
        var reason = failure.Retryable ? $"{failure.Message} (after {node.AttemptsThisRun} attempt(s))" : failure.Message;
        FailJob(node.NodeId, reason, now);
        return ResultOutcome.Applied;
    }

    /// <summary>Dispatches every failed node whose retry is due.</summary>
    public int RetryDueNodes(WorkflowDefinition definition, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (Status != JobStatus.Running)
        {
            return 0;
        }

        var due = AllNodes.Where(n => n.IsRetryScheduled && n.NextAttemptAt <= now).ToList();
        foreach (var node in due)
        {
            node.MarkReady(now);
            Record(JobEventTypes.NodeReady, node.NodeId, new { attempt = node.Attempt + 1, retry = true }, null, now);
        }

        if (due.Count > 0)
        {
            Advance(definition, now);
        }

        return due.Count;
    }

    /// <summary>Fails the job when its deadline has passed.</summary>
    public bool EnforceDeadline(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (Status != JobStatus.Running || Deadline is not { } deadline || deadline > now)
        {
            return false;
        }

        FailJob(null, "job timed out", now);
        return true;
    }

    /// <summary>Cancels the job: every unfinished node is cancelled and in-flight tasks are told to stop.</summary>
    public void Cancel(string actor, string? reason, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        CheckRule(new Rules.OnlyUnfinishedJobCanBeCancelledRule(this));
        Record(JobEventTypes.OperatorAction, null, new { action = "cancel", reason }, actor, now);
        CancelUnfinishedNodes(now);
        MoveTo(JobStatus.Cancelled, now);
        Error = reason is null ? $"cancelled by {actor}" : $"cancelled by {actor}: {reason}";
        CompletedAt = now;
        WithdrawQueuedTasks = true;
        _dispatches.Clear();
        Record(JobEventTypes.JobCancelled, null, new { by = actor, reason }, actor, now);
    }

    private ResultOutcome? CheckResult(string taskId, string kind, DateTimeOffset now)
    {
        var node = TaskIds.TryParse(taskId, out var jobId, out var nodeId, out _) && jobId == Id ? FindNode(nodeId) : null;
        if (node is null || node.TaskId != taskId)
        {
            Record(JobEventTypes.StaleResultIgnored, node?.NodeId, new { task_id = taskId, result = kind, reason = "not the current attempt" }, null, now);
            return ResultOutcome.Stale;
        }

        if (node.Status is not (NodeStatus.Dispatched or NodeStatus.Running) || Status != JobStatus.Running)
        {
            Record(JobEventTypes.StaleResultIgnored, node.NodeId, new { task_id = taskId, result = kind, reason = $"node is {node.Status.Text()}" }, null, now);
            return ResultOutcome.Ignored;
        }

        return null;
    }

    private static string NodeIdOf(string taskId) => TaskIds.TryParse(taskId, out _, out var nodeId, out _) ? nodeId : taskId;

    private void FailJob(string? nodeId, string reason, DateTimeOffset now)
    {
        CancelUnfinishedNodes(now);
        MoveTo(JobStatus.Failed, now);
        FailedNodeId = nodeId;
        Error = nodeId is null ? reason : $"node '{nodeId}' failed: {reason}";
        CompletedAt = now;
        WithdrawQueuedTasks = true;
        _dispatches.Clear();
        Record(JobEventTypes.JobFailed, nodeId, new { error = Error }, null, now);
    }

    private void CancelUnfinishedNodes(DateTimeOffset now)
    {
        // Children that are not in memory are cancelled by storage in bulk, each with its own timeline entry.
        _fanOutsToCancel.AddRange(WorkflowNodes.Where(n => n.ChildrenTotal > n.ChildrenCompleted && !n.Status.IsTerminal()).Select(n => n.NodeId));
        foreach (var node in AllNodes.Where(n => !n.Status.IsTerminal() || n.IsRetryScheduled).ToList())
        {
            node.MarkCancelled(now);
            Record(JobEventTypes.NodeCancelled, node.NodeId, null, null, now);
        }
    }

    private void MoveTo(JobStatus to, DateTimeOffset now)
    {
        if (!StatusTransitions.IsAllowed(Status, to))
        {
            throw new InvalidStatusTransitionException($"job {Id}", Status.Text(), to.Text());
        }

        Status = to;
        UpdatedAt = now;
        if (to.IsTerminal())
        {
            Raise(new Events.JobEndedDomainEvent(Id, PlatformId, to, now));
        }
    }

    /// <summary>An attempt's timeline data; the worker's duration and id only when it told them.</summary>
    private static Dictionary<string, object?> AttemptData(string taskId, int attempt, TaskRun? run)
    {
        var data = new Dictionary<string, object?> { ["task_id"] = taskId, ["attempt"] = attempt };
        if (run?.DurationMs is { } durationMs)
        {
            data["duration_ms"] = durationMs;
        }

        if (run?.WorkerId is { } workerId)
        {
            data["worker_id"] = workerId;
        }

        return data;
    }

    private static Dictionary<string, object?> FailureData(string taskId, int attempt, TaskFailure failure, bool retryable, TaskRun? run)
    {
        var data = AttemptData(taskId, attempt, run);
        data["error"] = failure.Message;
        data["error_type"] = failure.Type;
        data["retryable"] = retryable;
        return data;
    }

    private void Record(string type, string? nodeId, object? data, string? actor, DateTimeOffset now)
    {
        var json = data is null ? null : JsonSerializer.Serialize(data);
        _events.Add(new JobEvent(Id, type, nodeId, json, actor, now));
        UpdatedAt = now;
    }

    private object? Inputs => _inputs ??= Workflows.Templates.TemplateValues.FromJsonNode(JsonNode.Parse(InputsJson));
}
