namespace DagMaster.Domain.Workflows;

public interface IWorkflowVersionRepository
{
    Task<WorkflowVersion?> GetAsync(string workflowId, int version, CancellationToken cancellationToken);

    void Add(WorkflowVersion workflowVersion);
}
