namespace DagMaster.Infrastructure.Workflows;

public sealed class WorkflowOptions
{
    /// <summary>The folder of workflow files (WORKFLOWS_DIR).</summary>
    public string Directory { get; set; } = "./workflows";
}
