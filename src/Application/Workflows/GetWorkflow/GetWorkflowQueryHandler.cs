using DagMaster.Application.Workflows.Catalog;

namespace DagMaster.Application.Workflows.GetWorkflow;

public sealed class GetWorkflowQueryHandler(IWorkflowCatalog catalog) : IQueryHandler<GetWorkflowQuery, WorkflowDetailsDto?>
{
    public async ValueTask<WorkflowDetailsDto?> Handle(GetWorkflowQuery query, CancellationToken cancellationToken)
    {
        var definition = await catalog.FindAsync(query.WorkflowId, query.Version, cancellationToken);
        return definition is null ? null : WorkflowDetailsDto.From(definition);
    }
}
