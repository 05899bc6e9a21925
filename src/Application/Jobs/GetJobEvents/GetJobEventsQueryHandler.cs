using DagMaster.Application.Jobs.Common;
using DagMaster.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Application.Jobs.GetJobEvents;

public sealed class GetJobEventsQueryHandler(IReadModel readModel) : IQueryHandler<GetJobEventsQuery, JobEventPageDto?>
{
    public async ValueTask<JobEventPageDto?> Handle(GetJobEventsQuery query, CancellationToken cancellationToken)
    {
        var id = new JobId(query.JobId);
        if (!await readModel.Jobs.AnyAsync(j => j.Id == id && (query.PlatformId == null || j.PlatformId == query.PlatformId), cancellationToken))
        {
            return null;
        }

        var after = query.After ?? 0;
        var rows = await readModel.JobEvents.Where(e => e.JobId == id && e.Id > after)
            .OrderBy(e => e.Id).Take(query.Limit + 1).ToListAsync(cancellationToken);
        var items = rows.Take(query.Limit)
            .Select(e => new JobEventDto(e.Id, e.Type, e.NodeId, JsonValues.Parse(e.DataJson), e.Actor, e.OccurredAt))
            .ToList();
        return new JobEventPageDto(items, rows.Count > query.Limit ? items[^1].Id : null);
    }
}
