using DagMaster.Domain.Jobs.Rules;
using DagMaster.Domain.Workflows;

namespace DagMaster.Domain.Jobs;

// Operator actions that bring an ended job back: retry, and rerun from a node.
public sealed partial class Job
{
    /// <summary>
    /// Retries a failed or cancelled job: FAILED and CANCELLED nodes start again with fresh attempt counters,
    /// COMPLETED nodes (fan-out children included) keep their outputs.
    /// </summary>
    public void Retry(WorkflowDefinition definition, string actor, TimeProvider clock)
    {
        CheckRule(new OnlyFailedOrCancelledJobCanBeRestartedRule(this));
        var now = clock.GetUtcNow();
        Record(JobEventTypes.OperatorAction, null, new { action = "retry" }, actor, now);
        foreach (var node in _nodes.Where(n => n.Status is NodeStatus.Failed or NodeStatus.Cancelled))
        {
            node.ResetByOperator();
        }

        Restart(definition, now);
    }

    /// <summary>
    /// Reruns a failed or cancelled job from <paramref name="fromNodeId"/>: that node and everything downstream of
    /// it start again (fan-outs among them lose their children), as do nodes that failed or were cancelled; the
    /// rest keeps its outputs.
    /// </summary>
    public void Rerun(WorkflowDefinition definition, string fromNodeId, string actor, TimeProvider clock)
    {
        CheckRule(new OnlyFailedOrCancelledJobCanBeRestartedRule(this));
        var now = clock.GetUtcNow();
        Record(JobEventTypes.OperatorAction, fromNodeId, new { action = "rerun", from_node = fromNodeId }, actor, now);
        var reset = Downstream(definition, fromNodeId);
        foreach (var id in reset)
        {
            if (definition.GetNode(id).Descriptor.HasChildren)
            {
                foreach (var child in ChildrenInMemory(id).ToList())
                {
                    RemoveNode(child);
                }
            }
        }

        foreach (var node in _nodes.Where(n => reset.Contains(n.NodeId) || n.Status is NodeStatus.Failed or NodeStatus.Cancelled))
        {
            if (node.Status.IsTerminal())
            {
                node.ResetByOperator();
            }
        }

        Restart(definition, now);
    }

    private void Restart(WorkflowDefinition definition, DateTimeOffset now)
    {
        MoveTo(JobStatus.Running, now);
        Error = null;
        FailedNodeId = null;
        ResultJson = null;
        CompletedAt = null;
        WithdrawQueuedTasks = false;
        Deadline = definition.TimeoutSeconds is { } seconds ? now.AddSeconds(seconds) : null;

        // Children reset to pending go straight back to ready: their fan-out dispatches them.
        foreach (var child in _nodes.Where(n => n.ParentNodeId is not null && n.Status == NodeStatus.Pending))
        {
            child.MarkReady(now);
        }

        Advance(definition, now);
    }

    private static HashSet<string> Downstream(WorkflowDefinition definition, string fromNodeId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { fromNodeId };
        var stack = new Stack<string>([fromNodeId]);
        while (stack.TryPop(out var id))
        {
            foreach (var successor in definition.GetNode(id).Successors)
            {
                if (seen.Add(successor))
                {
                    stack.Push(successor);
                }
            }
        }

        return seen;
    }

    private void RemoveNode(JobNode node)
    {
        _nodes.Remove(node);
        _nodesById?.Remove(node.NodeId);
    }
}
