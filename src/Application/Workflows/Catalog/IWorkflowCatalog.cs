using DagMaster.Domain.Workflows;

namespace DagMaster.Application.Workflows.Catalog;

/// <summary>Parsed workflow definitions by id and version, as registered in the database.</summary>
public interface IWorkflowCatalog
{
    /// <summary>The given version, or the latest registered one when <paramref name="version"/> is null.</summary>
    ValueTask<WorkflowDefinition?> FindAsync(string workflowId, int? version, CancellationToken cancellationToken);

    /// <summary>The SHA-256 of a registered version's source.</summary>
    ValueTask<string> ContentHashAsync(string workflowId, int version, CancellationToken cancellationToken);

    /// <summary>Drops what this instance remembers as the latest versions, after it registered new ones.</summary>
    void ForgetLatest();
}
