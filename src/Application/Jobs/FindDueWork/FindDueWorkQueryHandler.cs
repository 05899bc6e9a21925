using DagMaster.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Application.Jobs.FindDueWork;

public sealed class FindDueWorkQueryHandler(IReadModel readModel, ITaskLeaseStore leases, TimeProvider clock) : IQueryHandler<FindDueWorkQuery, DueWork>
{
    public async ValueTask<DueWork> Handle(FindDueWorkQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = await leases.FindExpiredAsync(query.Limit, cancellationToken);
        var retries = await readModel.JobNodes
            .Where(n => n.Status == NodeStatus.Failed && n.NextAttemptAt != null && n.NextAttemptAt <= now)
            .Select(n => n.JobId)
            .Distinct()
            .Take(query.Limit)
            .ToListAsync(cancellationToken);
        var deadlines = await readModel.Jobs
            .Where(j => j.Status == JobStatus.Running && j.Deadline != null && j.Deadline <= now)
            .Select(j => j.Id)
            .Take(query.Limit)
            .ToListAsync(cancellationToken);
        return new DueWork(expired, retries.Select(id => id.Value).ToList(), deadlines.Select(id => id.Value).ToList());
    }
}
