using DagMaster.Domain.Workflows;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Infrastructure.Persistence.Repositories;

internal sealed class WorkflowVersionRepository(DagMasterDbContext db) : IWorkflowVersionRepository
{
    public Task<WorkflowVersion?> GetAsync(string workflowId, int version, CancellationToken cancellationToken) =>
        db.WorkflowVersionSet.SingleOrDefaultAsync(w => w.WorkflowId == workflowId && w.Version == version, cancellationToken);

    public void Add(WorkflowVersion workflowVersion) => db.WorkflowVersionSet.Add(workflowVersion);
}
