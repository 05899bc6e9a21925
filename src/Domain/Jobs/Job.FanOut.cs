using System.Text.Json.Nodes;
using DagMaster.Domain.Workflows;
using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.Domain.Jobs;

// Fan-out: children made from the source list, dispatched up to max_parallel; fan-in: their outputs aggregated.
public sealed partial class Job
{
    private void ExpandFanOut(WorkflowDefinition definition, NodeDefinition spec, JobNode node, DateTimeOffset now)
    {
        var existing = ChildrenOf(node.NodeId);
        if (existing.Count > 0)
        {
            // An operator retry: completed children keep their outputs, the others run again.
            node.MarkExpanded(TemplateValues.ToJson((long)existing.Count), now);
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

        var children = new List<JobNode>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            var child = new JobNode(Id, $"{node.NodeId}__{index}", node.NodeId, index);
            object? rendered;
            try
            {
                rendered = TemplateRenderer.RenderValue(spec.Task!.Params, scope.With("item", items[index]).With("index", (long)index));
            }
            catch (TemplateEvaluationException ex)
            {
                FailNodeForGood(node, $"template error in child {index}: {ex.Message}", now);
                return;
            }

            child.SetParams(TemplateValues.ToJson(rendered));
            children.Add(child);
        }

        node.MarkExpanded(TemplateValues.ToJson(items.Count), now);
        Record(JobEventTypes.NodeStarted, node.NodeId, new { children = items.Count, max_parallel = spec.MaxParallel }, null, now);
        foreach (var child in children)
        {
            AddNode(child);
            child.MarkReady(now);
        }

        ProgressFanOut(spec, node, now);
    }

    /// <summary>Dispatches ready children up to max_parallel, and completes the fan-out once every child is terminal.</summary>
    private bool ProgressFanOut(NodeDefinition spec, JobNode parent, DateTimeOffset now)
    {
        var children = ChildrenOf(parent.NodeId);
        var inFlight = children.Count(c => c.Status is NodeStatus.Dispatched or NodeStatus.Running || c.IsRetryScheduled);
        var limit = spec.MaxParallel ?? int.MaxValue;
        foreach (var child in children.Where(c => c.Status == NodeStatus.Ready))
        {
            if (inFlight >= limit)
            {
                break;
            }

            Enqueue(spec, child, child.ParamsJson ?? "{}", now);
            inFlight++;
        }

        if (children.Any(c => !c.Status.IsTerminal() || c.IsRetryScheduled))
        {
            return false;
        }

        var completed = children.Count(c => c.Status == NodeStatus.Completed);
        parent.MarkCompleted(new JsonObject { ["count"] = children.Count, ["completed"] = completed }.ToJsonString(), now);
        Record(JobEventTypes.NodeCompleted, parent.NodeId, new { children = children.Count }, null, now);
        return true;
    }

    private List<JobNode> ChildrenOf(string parentId) =>
        _nodes.Where(n => n.ParentNodeId == parentId).OrderBy(n => n.Index).ToList();

    private void AggregateFanIn(WorkflowDefinition definition, NodeDefinition spec, JobNode node, DateTimeOffset now)
    {
        var outputs = ChildrenOf(spec.AggregatedFanOut!)
            .Where(c => c.Status == NodeStatus.Completed)
            .Select(c => c.OutputJson is null ? null : JsonNode.Parse(c.OutputJson))
            .ToList();
        var result = FanInAggregator.Aggregate(spec.Aggregation, outputs);
        node.MarkCompleted(result.ToJsonString(), now);
        Record(JobEventTypes.NodeCompleted, node.NodeId, new { aggregation = spec.Aggregation.ToString().ToLowerInvariant(), count = outputs.Count }, null, now);
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
