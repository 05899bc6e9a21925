using System.Text.Json.Nodes;
using DagMaster.Domain.Workflows;
using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.Domain.Jobs;

// Fan-out: children made from the source list, dispatched up to max_parallel; fan-in: their outputs aggregated.
// A job instance holds only the children it needs (created now, named by results, due for retry, asked for);
// the fan-out's counters say how many are waiting, active and completed, so no step reads every child.
public sealed partial class Job
{
    private void ExpandFanOut(WorkflowDefinition definition, NodeDefinition spec, JobNode node, DateTimeOffset now)
    {
        var existing = ChildrenInMemory(node.NodeId).ToList();
        if (existing.Count > 0)
        {
            // An operator retry (every child is loaded): completed children keep their outputs, the others run again.
            node.MarkExpanded(TemplateValues.ToJson((long)existing.Count), now);
            node.CountChildren(existing.Count, existing.Count(IsActiveChild), existing.Count(c => c.Status == NodeStatus.Completed));
            ProgressFanOut(spec, node, now);
            return;
        }

        var scope = Scope(definition, spec);
        object? source;
        try
        {
            source = Render(spec.FanOutSource!, scope);
        }
        catch (TemplateEvaluationException ex)
        {
            FailNodeForGood(node, $"template error: {ex.Message}", now);
            return;
        }

        if (source is not IReadOnlyList<object?> items)
        {
            FailNodeForGood(node, $"fan_out source must be a list, got {Describe(source)}", now);
            return;
        }

        if (items.Count > _fanOutLimits.MaxChildren)
        {
            FailNodeForGood(
                node, $"fan_out source has {items.Count:N0} items; a fan_out may create at most {_fanOutLimits.MaxChildren:N0} children (FANOUT_MAX_CHILDREN)", now);
            return;
        }

        // The params' templates parsed once and one JSON writer for all children: parsing and writing each child's
        // anew allocated ~2 KB a child, which a 100,000-child expansion held in the process's memory until a collection.
        var renderParams = TemplateRenderer.Prepare(spec.Task!.Params);
        var json = new TemplateJsonWriter();
        var children = new List<JobNode>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            var child = new JobNode(Id, $"{node.NodeId}__{index}", node.NodeId, index);
            object? rendered;
            try
            {
                rendered = renderParams(scope.With("item", items[index]).With("index", (long)index));
            }
            catch (TemplateEvaluationException ex)
            {
                FailNodeForGood(node, $"template error in child {index}: {ex.Message}", now);
                return;
            }

            child.SetParams(json.Serialize(rendered));
            children.Add(child);
        }

        node.MarkExpanded(TemplateValues.ToJson(items.Count), now);
        node.CountChildren(items.Count, 0, 0);
        Record(JobEventTypes.NodeStarted, node.NodeId, new { children = items.Count, max_parallel = spec.MaxParallel ?? _fanOutLimits.DefaultMaxParallel }, null, now);
        foreach (var child in children)
        {
            child.MarkReady(now);
            _createdChildren.Add(child);
            _nodesById?.Add(child.NodeId, child);
        }

        ProgressFanOut(spec, node, now);
    }

    /// <summary>
    /// Dispatches children up to max_parallel (retries first, then waiting children in index order), asks for
    /// waiting children that are not in memory, and completes the fan-out once every child has completed.
    /// </summary>
    private bool ProgressFanOut(NodeDefinition spec, JobNode parent, DateTimeOffset now)
    {
        var changed = false;
        var inMemory = ChildrenInMemory(parent.NodeId).Where(c => c.Status == NodeStatus.Ready).OrderBy(c => c.Index).ToList();
        foreach (var retry in inMemory.Where(c => c.AttemptsThisRun > 0))
        {
            Enqueue(spec, retry, retry.ParamsJson ?? "{}", now);
            changed = true;
        }

        var free = Math.Min((spec.MaxParallel ?? _fanOutLimits.DefaultMaxParallel) - parent.ChildrenActive, parent.ChildrenWaiting);
        var first = new List<JobNode>();
        foreach (var child in inMemory.Where(c => c.AttemptsThisRun == 0).Take(Math.Max(free, 0)))
        {
            parent.ChildActivated();
            Enqueue(spec, child, child.ParamsJson ?? "{}", now, record: false);
            first.Add(child);
            free--;
        }

        if (first.Count > 0)
        {
            Record(JobEventTypes.ChildrenDispatched, parent.NodeId, new { count = first.Count, first = first[0].NodeId, last = first[^1].NodeId }, null, now);
            changed = true;
        }

        if (free > 0)
        {
            _demands[parent.NodeId] = new FanOutDemand(parent.NodeId, FanOutDemandKind.WaitingChildren, free);
        }

        if (parent.ChildrenCompleted < parent.ChildrenTotal)
        {
            return changed;
        }

        parent.MarkCompleted(new JsonObject { ["count"] = parent.ChildrenTotal, ["completed"] = parent.ChildrenCompleted }.ToJsonString(), now);
        Record(JobEventTypes.NodeCompleted, parent.NodeId, new { children = parent.ChildrenTotal }, null, now);
        return true;
    }

    private static bool IsActiveChild(JobNode child) =>
        child.Status is NodeStatus.Dispatched or NodeStatus.Running || child.IsRetryScheduled
        || (child.Status == NodeStatus.Ready && child.AttemptsThisRun > 0);

    private IEnumerable<JobNode> ChildrenInMemory(string parentId) => AllNodes.Where(n => n.ParentNodeId == parentId);

    /// <summary>Aggregates the fan-out's outputs, which the job asks for unless the fan-out had no children.</summary>
    private bool AggregateFanIn(NodeDefinition spec, JobNode node, DateTimeOffset now)
    {
        var fanOut = FindNode(spec.AggregatedFanOut!)!;
        IReadOnlyList<string?> outputs;
        if (fanOut.ChildrenTotal == 0)
        {
            outputs = [];
        }
        else if (_childOutputs.Remove(fanOut.NodeId, out var provided))
        {
            outputs = provided;
        }
        else
        {
            _demands[fanOut.NodeId] = new FanOutDemand(fanOut.NodeId, FanOutDemandKind.ChildOutputs, fanOut.ChildrenTotal);
            return false;
        }

        node.MarkCompleted(FanInAggregator.Aggregate(spec.Aggregation, outputs), now);
        Record(JobEventTypes.NodeCompleted, node.NodeId, new { aggregation = spec.Aggregation.ToString().ToLowerInvariant(), count = outputs.Count }, null, now);
        return true;
    }

    /// <summary>What the job needs from storage before it can go on; <see cref="Resume"/> continues after.</summary>
    public IReadOnlyList<FanOutDemand> TakeDemands()
    {
        var demands = _demands.Values.ToList();
        _demands.Clear();
        return demands;
    }

    /// <summary>Hands over a fan-out's completed children's outputs in index order, as a demand asked.</summary>
    public void ProvideChildOutputs(string fanOutId, IReadOnlyList<string?> outputs) => _childOutputs[fanOutId] = outputs;

    /// <summary>Goes on after the demanded children or outputs were supplied.</summary>
    public void Resume(WorkflowDefinition definition, TimeProvider clock)
    {
        _nodesById = null;
        if (Status == JobStatus.Running)
        {
            Advance(definition, clock.GetUtcNow());
        }
    }

    /// <summary>Children created by this instance; storage writes them in bulk.</summary>
    public IReadOnlyList<JobNode> TakeCreatedChildren()
    {
        if (_createdChildren.Count == 0)
        {
            return [];
        }

        var created = _createdChildren.ToList();
        _createdChildren.Clear();
        _nodesById = null;
        return created;
    }

    /// <summary>Fan-outs whose unfinished children (in storage, not in memory) are to be cancelled in bulk.</summary>
    public IReadOnlyList<string> TakeFanOutsToCancel()
    {
        var fanOuts = _fanOutsToCancel.ToList();
        _fanOutsToCancel.Clear();
        return fanOuts;
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string => "a string",
        bool => "a boolean",
        long or double => "a number",
        IReadOnlyDictionary<string, object?> => "an object",
        _ => value.GetType().Name,
    };
}
