namespace DagMaster.Application.Abstractions;

/// <summary>Where workflow files come from (the WORKFLOWS_DIR folder).</summary>
public interface IWorkflowSource
{
    IReadOnlyList<WorkflowSourceFile> ReadAll();
}
