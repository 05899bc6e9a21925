using DagMaster.Domain.Workflows;

namespace DagMaster.Application.Workflows.Catalog;

/// <summary>Parsed workflow definitions by id and version, as registered in the database.</summary>
public interface IWorkflowCatalog
{
    /// <summary>The given version, or the latest registered one when <paramref name="version"/> is null.</summary>
    ValueTask<WorkflowDefinition?> FindAsync(string workflowId, int? version, CancellationToken cancellationToken);
}
