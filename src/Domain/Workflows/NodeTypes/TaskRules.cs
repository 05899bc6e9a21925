using DagMaster.Domain.Workflows.Drafts;

namespace DagMaster.Domain.Workflows.NodeTypes;

/// <summary>The task and retry rules that task nodes and fan-outs (for their children) share.</summary>
internal static class TaskRules
{
    /// <summary>The keys of a task: a task node's own, and those of a fan-out's <c>task</c> block.</summary>
    public static readonly IReadOnlyList<string> TaskKeys = ["handler", "queue", "params", "timeout_seconds", "priority"];

    /// <summary>The keys of a <c>retry</c> block.</summary>
    public static readonly IReadOnlyList<string> RetryKeys = ["max_attempts", "backoff", "initial_delay_seconds", "max_delay_seconds"];

    public static TaskSpec? BuildTask(
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

    public static RetryPolicy BuildRetry(string id, RetryDraft? retry, List<WorkflowError> errors)
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
}
