using Microsoft.EntityFrameworkCore;

namespace DagMaster.Application.Workflows.GetWorkflowSource;

public sealed class GetWorkflowSourceQueryHandler(IReadModel readModel) : IQueryHandler<GetWorkflowSourceQuery, WorkflowSourceDto?>
{
    public async ValueTask<WorkflowSourceDto?> Handle(GetWorkflowSourceQuery query, CancellationToken cancellationToken) =>
        await readModel.WorkflowVersions
            .Where(w => w.WorkflowId == query.WorkflowId && (query.Version == null || w.Version == query.Version))
            .OrderByDescending(w => w.Version)
            .Select(w => new WorkflowSourceDto(w.WorkflowId, w.Version, w.Source, w.ContentHash, w.SourceFile, w.RegisteredAt))
            .FirstOrDefaultAsync(cancellationToken);
}
