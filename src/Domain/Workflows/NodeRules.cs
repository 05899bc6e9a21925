using DagMaster.Domain.Workflows.Drafts;

namespace DagMaster.Domain.Workflows;

/// <summary>The rules a single node must satisfy on its own, whatever the rest of the graph.</summary>
internal static class NodeRules
{
    private static readonly string[] s_commonKeys = ["id", "type", "description", "next", "depends_on"];

    private static readonly Dictionary<NodeType, string[]> s_keysByType = new()
    {
        [NodeType.Start] = [],
        [NodeType.End] = [],
        [NodeType.Task] = ["handler", "queue", "params", "timeout_seconds", "retry", "priority"],
        [NodeType.Conditional] = ["condition_field", "condition", "branches"],
        [NodeType.FanOut] = ["source", "task", "max_parallel", "retry"],
        [NodeType.FanIn] = ["aggregation"],
    };

    // Keys no node type knows are unknown keys, which the reader reports; they are not also "not applicable".
    private static readonly HashSet<string> s_nodeKeys = [.. s_commonKeys, .. s_keysByType.Values.SelectMany(k => k)];

    public static NodeType? ParseType(NodeDraft node, List<WorkflowError> errors)
    {
        var text = node.Type ?? "task";
        NodeType? type = text switch
        {
            "start" => NodeType.Start,
            "end" => NodeType.End,
            "task" => NodeType.Task,
            "conditional" => NodeType.Conditional,
            "fan_out" => NodeType.FanOut,
            "fan_in" => NodeType.FanIn,
            _ => null,
        };
        if (type is null)
        {
            errors.Add(new WorkflowError(
                "node.type.invalid",
                $"node '{node.Id}' has unknown type '{text}' (expected start, end, task, conditional, fan_out or fan_in)",
                node.LineOf("type"),
                node.Id));
        }

        return type;
    }

    public static void Apply(NodeDraft node, NodeDefinition definition, List<WorkflowError> errors)
    {
        var id = definition.Id;
        void Error(string code, string message, string key) => errors.Add(new WorkflowError(code, message, node.LineOf(key), id));

        var allowed = s_keysByType[definition.Type];
        foreach (var key in node.KeyLines.Keys)
        {
            if (s_nodeKeys.Contains(key) && !s_commonKeys.Contains(key) && !allowed.Contains(key))
            {
                Error("node.key.not_applicable", $"'{key}' does not apply to {definition.Type.Text()} node '{id}'", key);
            }
        }

        if (definition.Type == NodeType.End && node.Next.Count > 0)
        {
            Error("end.next", $"end node '{id}' cannot have 'next'", "next");
        }

        if (definition.Type == NodeType.Start && node.DependsOnAll.Count + node.DependsOnAny.Count > 0)
        {
            Error("start.depends_on", $"start node '{id}' cannot have 'depends_on'", "depends_on");
        }

        switch (definition.Type)
        {
            case NodeType.Task:
                definition.Task = BuildTask(id, node.Handler, node.Queue, node.Params, node.TimeoutSeconds, node.Priority, node, errors);
                definition.Retry = BuildRetry(id, node.Retry, errors);
                break;
            case NodeType.FanOut:
                ApplyFanOut(node, definition, errors);
                break;
            case NodeType.Conditional:
                ConditionalRules.Apply(node, definition, errors);
                break;
            case NodeType.FanIn:
                definition.Aggregation = ParseAggregation(node, errors);
                break;
        }
    }

    private static void ApplyFanOut(NodeDraft node, NodeDefinition definition, List<WorkflowError> errors)
    {
        var id = definition.Id;
        if (string.IsNullOrWhiteSpace(node.Source))
        {
            errors.Add(new WorkflowError("fan_out.source.required", $"fan_out node '{id}' needs a 'source' (a template that yields a list)", node.Line, id));
        }

        if (node.Task is null)
        {
            errors.Add(new WorkflowError("fan_out.task.required", $"fan_out node '{id}' needs a 'task' block", node.Line, id));
        }
        else
        {
            var task = node.Task;
            definition.Task = BuildTask(id, task.Handler, task.Queue, task.Params, task.TimeoutSeconds, task.Priority, task, errors);
        }

        if (node.MaxParallel is < 1)
        {
            errors.Add(new WorkflowError("max_parallel.range", $"'max_parallel' of node '{id}' must be >= 1, not {node.MaxParallel}", node.LineOf("max_parallel"), id));
        }

        definition.FanOutSource = node.Source;
        definition.MaxParallel = node.MaxParallel;
        definition.Retry = BuildRetry(id, node.Retry, errors);
    }

    private static TaskSpec? BuildTask(
        string id,
        string? handler,
        string? queue,
        IReadOnlyDictionary<string, object?>? parameters,
        int? timeoutSeconds,
        int? priority,
        DraftElement source,
        List<WorkflowError> errors)
    {
        var valid = true;
        if (string.IsNullOrWhiteSpace(handler))
        {
            errors.Add(new WorkflowError("task.handler.required", $"task of node '{id}' needs a 'handler'", source.Line, id));
            valid = false;
        }

        if (timeoutSeconds is < 1 or > TaskSpec.MaxTimeoutSeconds)
        {
            errors.Add(new WorkflowError(
                "timeout_seconds.range",
                $"'timeout_seconds' of node '{id}' must be between 1 and {TaskSpec.MaxTimeoutSeconds}, not {timeoutSeconds}",
                source.LineOf("timeout_seconds"),
                id));
            valid = false;
        }

        if (priority is < 0 or > 9)
        {
            errors.Add(new WorkflowError("priority.range", $"'priority' of node '{id}' must be between 0 and 9, not {priority}", source.LineOf("priority"), id));
            valid = false;
        }

        return valid
            ? new TaskSpec(handler!, queue, parameters ?? new Dictionary<string, object?>(), timeoutSeconds ?? TaskSpec.DefaultTimeoutSeconds, priority)
            : null;
    }

    private static RetryPolicy BuildRetry(string id, RetryDraft? retry, List<WorkflowError> errors)
    {
        if (retry is null)
        {
            return RetryPolicy.Default;
        }

        void Error(string key, string message) => errors.Add(new WorkflowError($"retry.{key}.range", message, retry.LineOf(key), id));

        if (retry.MaxAttempts is < 1 or > RetryPolicy.MaxAttemptsLimit)
        {
            Error("max_attempts", $"'max_attempts' of node '{id}' must be between 1 and {RetryPolicy.MaxAttemptsLimit}, not {retry.MaxAttempts}");
        }

        if (retry.InitialDelaySeconds is < 0)
        {
            Error("initial_delay_seconds", $"'initial_delay_seconds' of node '{id}' must be >= 0, not {retry.InitialDelaySeconds}");
        }

        if (retry.MaxDelaySeconds is < 0)
        {
            Error("max_delay_seconds", $"'max_delay_seconds' of node '{id}' must be >= 0, not {retry.MaxDelaySeconds}");
        }

        BackoffKind? backoff = retry.Backoff switch
        {
            null => RetryPolicy.Default.Backoff,
            "fixed" => BackoffKind.Fixed,
            "linear" => BackoffKind.Linear,
            "exponential" => BackoffKind.Exponential,
            _ => null,
        };
        if (backoff is null)
        {
            errors.Add(new WorkflowError(
                "retry.backoff.invalid",
                $"'backoff' of node '{id}' must be fixed, linear or exponential, not '{retry.Backoff}'",
                retry.LineOf("backoff"),
                id));
        }

        var defaults = RetryPolicy.Default;
        return new RetryPolicy(
            retry.MaxAttempts ?? defaults.MaxAttempts,
            backoff ?? defaults.Backoff,
            retry.InitialDelaySeconds ?? defaults.InitialDelaySeconds,
            retry.MaxDelaySeconds ?? defaults.MaxDelaySeconds);
    }

    private static FanInAggregation ParseAggregation(NodeDraft node, List<WorkflowError> errors)
    {
        switch (node.Aggregation)
        {
            case null or "collect":
                return FanInAggregation.Collect;
            case "concat":
                return FanInAggregation.Concat;
            case "sum":
                return FanInAggregation.Sum;
            case "first":
                return FanInAggregation.First;
            case "last":
                return FanInAggregation.Last;
            default:
                errors.Add(new WorkflowError(
                    "fan_in.aggregation.invalid",
                    $"'aggregation' of node '{node.Id}' must be collect, concat, sum, first or last, not '{node.Aggregation}'",
                    node.LineOf("aggregation"),
                    node.Id));
                return FanInAggregation.Collect;
        }
    }
}
