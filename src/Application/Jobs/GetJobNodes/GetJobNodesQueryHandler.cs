using DagMaster.Application.Jobs.Common;
using DagMaster.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Application.Jobs.GetJobNodes;

public sealed class GetJobNodesQueryHandler(IReadModel readModel) : IQueryHandler<GetJobNodesQuery, JobNodePageDto?>
{
    public async ValueTask<JobNodePageDto?> Handle(GetJobNodesQuery query, CancellationToken cancellationToken)
    {
        var id = new JobId(query.JobId);
        if (!await readModel.Jobs.AnyAsync(j => j.Id == id && (query.PlatformId == null || j.PlatformId == query.PlatformId), cancellationToken))
        {
            return null;
        }

        var nodes = readModel.JobNodes.Where(n => n.JobId == id);
        if (query.Cursor is { } cursor)
        {
            nodes = nodes.Where(n => string.Compare(n.NodeId, cursor) > 0);
        }

        var rows = await nodes.OrderBy(n => n.NodeId).Take(query.Limit + 1).ToListAsync(cancellationToken);
        var items = rows.Take(query.Limit).Select(n => new JobNodeDto(
            n.NodeId, n.Status.Text(), n.Attempt, n.TaskId, JsonValues.Parse(n.OutputJson), n.Error, JsonValues.Parse(n.ParamsJson),
            JsonValues.Parse(n.CheckpointJson), JsonValues.Parse(n.ProgressJson), n.ParentNodeId, n.Index,
            n.ReadyAt, n.DispatchedAt, n.StartedAt, n.CompletedAt, n.NextAttemptAt,
            n.WorkerId, n.DurationMs)).ToList();
        return new JobNodePageDto(items, rows.Count > query.Limit ? items[^1].NodeId : null);
    }
}
