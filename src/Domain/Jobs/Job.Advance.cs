using System.Text.Json.Nodes;
using DagMaster.Domain.Workflows;
using DagMaster.Domain.Workflows.NodeTypes;
using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.Domain.Jobs;

// Readiness, skipping and the work the orchestrator does itself (start, end, conditionals), then dispatch.
// Which step a ready or running node takes is its type's to say (NodeTypeDescriptor); the steps are below.
public sealed partial class Job : INodeEngine<JobNode>
{
    private void Advance(WorkflowDefinition definition, DateTimeOffset now)
    {
        var changed = true;
        while (changed && Status == JobStatus.Running)
        {
            changed = false;
            foreach (var spec in definition.Nodes)
            {
                var node = FindNode(spec.Id)!;
                if (node.Status == NodeStatus.Pending)
                {
                    switch (Readiness(definition, spec))
                    {
                        case NodeStatus.Ready:
                            node.MarkReady(now);
                            Record(JobEventTypes.NodeReady, node.NodeId, null, null, now);
                            changed = true;
                            break;
                        case NodeStatus.Skipped:
                            node.MarkSkipped(now);
                            Record(JobEventTypes.NodeSkipped, node.NodeId, null, null, now);
                            changed = true;
                            break;
                    }
                }

                if (node.Status == NodeStatus.Ready && Status == JobStatus.Running)
                {
                    changed |= spec.Descriptor.Execute(this, definition, spec, node, now);
                }

                if (node.Status == NodeStatus.Running && Status == JobStatus.Running)
                {
                    changed |= spec.Descriptor.Progress(this, spec, node, now);
                }
            }
        }

        // A failed node with a scheduled retry is not finished: the job waits for its retry.
        if (Status == JobStatus.Running && WorkflowNodes.All(n => n.Status.IsTerminal() && !n.IsRetryScheduled))
        {
            Complete(definition, now);
        }
    }

    /// <summary>Ready, Skipped, or Pending (keep waiting) by the readiness rule of the engine spec.</summary>
    private NodeStatus Readiness(WorkflowDefinition definition, NodeDefinition spec)
    {
        var allOf = spec.AllOf.Select(d => EdgeState(definition, d, spec.Id)).ToList();
        if (allOf.Any(s => s is not (NodeStatus.Completed or NodeStatus.Skipped)))
        {
            return NodeStatus.Pending;
        }

        if (allOf.Count > 0 && allOf.All(s => s == NodeStatus.Skipped))
        {
            return NodeStatus.Skipped;
        }

        if (spec.AnyOf.Count == 0)
        {
            return NodeStatus.Ready;
        }

        var anyOf = spec.AnyOf.Select(d => EdgeState(definition, d, spec.Id)).ToList();
        if (anyOf.Contains(NodeStatus.Completed))
        {
            return NodeStatus.Ready;
        }

        return anyOf.All(s => s == NodeStatus.Skipped) ? NodeStatus.Skipped : NodeStatus.Pending;
    }

    /// <summary>
    /// The state of a dependency as seen by one dependent: a completed node that takes one branch (a conditional)
    /// counts as completed only for the target of the branch it took, and as skipped for every other target.
    /// </summary>
    private NodeStatus EdgeState(WorkflowDefinition definition, string dependencyId, string dependentId)
    {
        var dependency = FindNode(dependencyId)!;
        if (dependency.Status == NodeStatus.Completed
            && definition.GetNode(dependencyId) is { Descriptor.TakesOneBranch: true } brancher
            && brancher.Branches.Any(b => b.Target == dependentId)
            && TakenBranch(dependency) != dependentId)
        {
            return NodeStatus.Skipped;
        }

        return dependency.IsRetryScheduled ? NodeStatus.Running : dependency.Status;
    }

    private static string? TakenBranch(JobNode conditional) =>
        conditional.OutputJson is { } json && JsonNode.Parse(json)?["taken_branch"] is JsonValue value ? value.GetValue<string>() : null;

    bool INodeEngine<JobNode>.CompleteAtOnce(JobNode node, DateTimeOffset now)
    {
        node.MarkCompleted(null, now);
        Record(JobEventTypes.NodeCompleted, node.NodeId, null, null, now);
        return true;
    }

    bool INodeEngine<JobNode>.Dispatch(WorkflowDefinition definition, NodeDefinition spec, JobNode node, DateTimeOffset now)
    {
        Dispatch(definition, spec, node, now);
        return true;
    }

    bool INodeEngine<JobNode>.EvaluateConditional(WorkflowDefinition definition, NodeDefinition spec, JobNode node, DateTimeOffset now) =>
        EvaluateConditional(definition, spec, node, now);

    bool INodeEngine<JobNode>.ExpandFanOut(WorkflowDefinition definition, NodeDefinition spec, JobNode node, DateTimeOffset now)
    {
        ExpandFanOut(definition, spec, node, now);
        return true;
    }

    bool INodeEngine<JobNode>.ProgressFanOut(NodeDefinition spec, JobNode node, DateTimeOffset now) => ProgressFanOut(spec, node, now);

    bool INodeEngine<JobNode>.AggregateFanIn(NodeDefinition spec, JobNode node, DateTimeOffset now) => AggregateFanIn(spec, node, now);

    private void Dispatch(WorkflowDefinition definition, NodeDefinition spec, JobNode node, DateTimeOffset now)
    {
        object? rendered;
        try
        {
            rendered = TemplateRenderer.RenderValue(spec.Task!.Params, Scope(definition, spec));
        }
        catch (TemplateEvaluationException ex)
        {
            FailNodeForGood(node, $"template error: {ex.Message}", now);
            return;
        }

        Enqueue(spec, node, TemplateValues.ToJson(rendered), now);
    }

    /// <summary>
    /// Marks the node DISPATCHED with a new attempt and adds the task to deliver. A fan-out records its children's
    /// first dispatches as one entry (<paramref name="record"/> false), not one per child.
    /// </summary>
    private void Enqueue(NodeDefinition spec, JobNode node, string paramsJson, DateTimeOffset now, bool record = true)
    {
        var task = spec.Task!;
        var attempt = node.Attempt + 1;
        var taskId = TaskIds.Format(Id, node.NodeId, attempt);
        node.MarkDispatched(taskId, paramsJson, now);
        var queue = task.Queue ?? DefaultQueue;
        if (record)
        {
            Record(JobEventTypes.NodeDispatched, node.NodeId, new { task_id = taskId, attempt = node.AttemptsThisRun, queue, handler = task.Handler }, null, now);
        }

        _dispatches.Add(new TaskDispatch(
            taskId, Id, node.NodeId, task.Handler, queue, paramsJson, node.AttemptsThisRun, spec.Retry.MaxAttempts, task.TimeoutSeconds,
            task.Priority ?? Priority, CorrelationId, WorkflowId, WorkflowVersion, node.CheckpointJson, now, TraceParent));
    }

    /// <summary>The queue a task goes to when its node names none.</summary>
    public const string DefaultQueue = "dag-worker-tasks";

    private bool EvaluateConditional(WorkflowDefinition definition, NodeDefinition spec, JobNode node, DateTimeOffset now)
    {
        var scope = Scope(definition, spec);
        object? value;
        string? target;
        try
        {
            if (spec.IsBooleanConditional)
            {
                bool truth;
                try
                {
                    truth = TemplateValues.IsTruthy(Render(spec.Condition!, scope));
                }
                catch (TemplateTypeException ex)
                {
                    // As in the list form: a type error makes the condition false and is recorded as a warning.
                    Record(JobEventTypes.ConditionWarning, node.NodeId, new { branch = "true", warning = ex.Message }, null, now);
                    truth = false;
                }

                target = spec.Branches.First(b => b.Name == (truth ? "true" : "false")).Target;
                value = truth;
            }
            else
            {
                value = Render(spec.ConditionField!, scope);
                target = null;
                foreach (var branch in spec.Branches.Where(b => !b.IsDefault))
                {
                    try
                    {
                        if (BranchCondition.Parse(branch.Condition!).Evaluate(scope, value))
                        {
                            target = branch.Target;
                            break;
                        }
                    }
                    catch (TemplateTypeException ex)
                    {
                        Record(JobEventTypes.ConditionWarning, node.NodeId, new { branch = branch.Name ?? branch.Target, warning = ex.Message }, null, now);
                    }
                }

                target ??= spec.Branches.Single(b => b.IsDefault).Target;
            }
        }
        catch (TemplateEvaluationException ex)
        {
            FailNodeForGood(node, $"template error: {ex.Message}", now);
            return true;
        }

        var output = new JsonObject { ["taken_branch"] = target, ["value"] = TemplateValues.ToJsonNode(value) };
        node.MarkCompleted(output.ToJsonString(), now);
        Record(JobEventTypes.NodeCompleted, node.NodeId, new { taken_branch = target }, null, now);
        return true;
    }

    private static object? Render(string text, TemplateScope scope) => TemplateCache.Get(text).Render(scope);

    private void FailNodeForGood(JobNode node, string error, DateTimeOffset now)
    {
        node.MarkFailed(error, now, null);
        Record(JobEventTypes.NodeFailed, node.NodeId, new { error, retryable = false }, null, now);
        FailJob(node.NodeId, error, now);
    }

    private TemplateScope Scope(WorkflowDefinition definition, NodeDefinition spec)
    {
        var nodes = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var id in definition.Nodes.Select(n => n.Id))
        {
            var state = FindNode(id)!;
            if (state.Status is NodeStatus.Completed or NodeStatus.Skipped)
            {
                nodes[id] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["output"] = ParsedOutput(state),
                    ["status"] = state.Status.Text(),
                };
            }
        }

        var job = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = Id.Value.ToString(),
            ["correlation_id"] = CorrelationId,
            ["workflow_id"] = WorkflowId,
            ["workflow_version"] = (long)WorkflowVersion,
        };
        return new TemplateScope(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["inputs"] = Inputs,
            ["nodes"] = nodes,
            ["job"] = job,
        });
    }

    /// <summary>A node's output in the template value model, parsed once per output per job instance.</summary>
    private object? ParsedOutput(JobNode node)
    {
        if (node.OutputJson is not { } json)
        {
            return null;
        }

        _parsedOutputs ??= new Dictionary<string, (string, object?)>(StringComparer.Ordinal);
        if (_parsedOutputs.TryGetValue(node.NodeId, out var cached) && ReferenceEquals(cached.Json, json))
        {
            return cached.Value;
        }

        var value = TemplateValues.FromJsonNode(JsonNode.Parse(json));
        _parsedOutputs[node.NodeId] = (json, value);
        return value;
    }

    private void Complete(WorkflowDefinition definition, DateTimeOffset now)
    {
        var result = new JsonObject();
        foreach (var end in definition.Nodes.Where(n => n.Type == NodeType.End))
        {
            foreach (var predecessor in end.Dependencies)
            {
                var node = FindNode(predecessor)!;
                if (node.Status == NodeStatus.Completed && !result.ContainsKey(predecessor))
                {
                    result[predecessor] = node.OutputJson is null ? null : JsonNode.Parse(node.OutputJson);
                }
            }
        }

        result["_provenance"] = new JsonObject
        {
            ["workflow_id"] = WorkflowId,
            ["workflow_version"] = WorkflowVersion,
            ["job_id"] = Id.Value.ToString(),
            ["completed_at"] = now.ToString("O"),
        };
        ResultJson = result.ToJsonString();
        MoveTo(JobStatus.Completed, now);
        CompletedAt = now;
        WithdrawQueuedTasks = true;
        Record(JobEventTypes.JobCompleted, null, null, null, now);
    }
}
