using DagMaster.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Application.Jobs.FindDueWork;

public sealed class FindDueWorkQueryHandler(IReadModel readModel, ITaskLeaseStore leases, TimeProvider clock) : IQueryHandler<FindDueWorkQuery, DueWork>
{
    public async ValueTask<DueWork> Handle(FindDueWorkQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = await leases.FindExpiredAsync(query.Limit, cancellationToken);
        // The longest overdue first, so a backlog larger than the limit is worked off in order.
        var retries = await readModel.JobNodes
            .Where(n => n.Status == NodeStatus.Failed && n.NextAttemptAt != null && n.NextAttemptAt <= now)
            .GroupBy(n => n.JobId)
            .OrderBy(g => g.Min(n => n.NextAttemptAt))
            .Select(g => g.Key)
            .Take(query.Limit)
            .ToListAsync(cancellationToken);
        var deadlines = await readModel.Jobs
            .Where(j => j.Status == JobStatus.Running && j.Deadline != null && j.Deadline <= now)
            .OrderBy(j => j.Deadline)
            .Select(j => j.Id)
            .Take(query.Limit)
            .ToListAsync(cancellationToken);
        return new DueWork(expired, retries.Select(id => id.Value).ToList(), deadlines.Select(id => id.Value).ToList());
    }
}
