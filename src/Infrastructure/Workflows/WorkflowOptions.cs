namespace DagMaster.Infrastructure.Workflows;

public sealed class WorkflowOptions
{
    /// <summary>The folder of workflow files (WORKFLOWS_DIR).</summary>
    public const int DefaultMaxNodes = 2_000;

    public string Directory { get; set; } = "./workflows";

    /// <summary>The most nodes one workflow may have (WORKFLOW_MAX_NODES); checked before any graph work, for files and for validation alike.</summary>
    public int MaxNodes { get; set; } = DefaultMaxNodes;
}
