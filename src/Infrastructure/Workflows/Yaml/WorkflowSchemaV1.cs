namespace DagMaster.Infrastructure.Workflows.Yaml;

/// <summary>The keys version 1 of the workflow format knows, per mapping.</summary>
internal static class WorkflowSchemaV1
{
    public static readonly string[] TopLevel = ["workflow_id", "name", "version", "description", "timeout_seconds", "inputs", "nodes", "outputs"];

    public static readonly string[] Input = ["type", "required", "default", "description"];

    public static readonly string[] ListInput = ["name", .. Input];

    public static readonly string[] Node =
    [
        "type", "description", "next", "depends_on", "handler", "queue", "params", "timeout_seconds", "retry", "priority",
        "condition_field", "condition", "branches", "source", "task", "max_parallel", "aggregation",
    ];

    public static readonly string[] ListNode = ["id", .. Node];

    public static readonly string[] DependsOn = ["all_of", "any_of"];

    public static readonly string[] Retry = ["max_attempts", "backoff", "initial_delay_seconds", "max_delay_seconds"];

    public static readonly string[] FanOutTask = ["handler", "queue", "params", "timeout_seconds", "priority"];

    public static readonly string[] Branch = ["name", "condition", "next", "default"];
}
