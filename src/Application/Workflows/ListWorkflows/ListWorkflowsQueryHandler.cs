using Microsoft.EntityFrameworkCore;

namespace DagMaster.Application.Workflows.ListWorkflows;

public sealed class ListWorkflowsQueryHandler(IReadModel readModel) : IQueryHandler<ListWorkflowsQuery, IReadOnlyList<WorkflowSummaryDto>>
{
    public async ValueTask<IReadOnlyList<WorkflowSummaryDto>> Handle(ListWorkflowsQuery query, CancellationToken cancellationToken)
    {
        var rows = await readModel.WorkflowVersions
            .OrderBy(w => w.WorkflowId)
            .ThenByDescending(w => w.Version)
            .Select(w => new { w.WorkflowId, w.Version, w.Name, w.Description, w.NodeCount })
            .ToListAsync(cancellationToken);

        return rows
            .GroupBy(r => r.WorkflowId)
            .Select(g =>
            {
                var latest = g.First();
                return new WorkflowSummaryDto(latest.WorkflowId, latest.Name, latest.Version, latest.Description, latest.NodeCount, g.Select(r => r.Version).ToList());
            })
            .ToList();
    }
}
