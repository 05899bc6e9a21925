using DagMaster.Application.Jobs.Common;
using DagMaster.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Application.Jobs.GetJob;

public sealed class GetJobQueryHandler(IReadModel readModel) : IQueryHandler<GetJobQuery, JobDetailsDto?>
{
    public async ValueTask<JobDetailsDto?> Handle(GetJobQuery query, CancellationToken cancellationToken)
    {
        var id = new JobId(query.JobId);
        var job = await readModel.Jobs.Where(j => j.Id == id && (query.PlatformId == null || j.PlatformId == query.PlatformId))
            .SingleOrDefaultAsync(cancellationToken);
        if (job is null)
        {
            return null;
        }

        var counts = await readModel.JobNodes.Where(n => n.JobId == id)
            .GroupBy(n => n.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return Map(job, counts.ToDictionary(c => c.Status, c => c.Count));
    }

    internal static JobDetailsDto Map(Job job, IReadOnlyDictionary<NodeStatus, int> counts)
    {
        int Count(params NodeStatus[] statuses) => statuses.Sum(s => counts.GetValueOrDefault(s));
        var total = counts.Values.Sum();
        var done = Count(NodeStatus.Completed, NodeStatus.Skipped);
        var progress = new JobProgressDto(
            total,
            done,
            Count(NodeStatus.Dispatched, NodeStatus.Running),
            Count(NodeStatus.Failed),
            total == 0 ? 0 : Math.Round(100.0 * done / total, 1));
        return new JobDetailsDto(
            job.Id.Value, job.WorkflowId, job.WorkflowVersion, job.Status.Text(), job.Priority, job.CorrelationId, job.PlatformId,
            JsonValues.Parse(job.ExternalRefsJson), JsonValues.Parse(job.InputsJson), JsonValues.Parse(job.ResultJson), job.Error,
            job.FailedNodeId, job.SubmittedBy, job.CreatedAt, job.StartedAt, job.CompletedAt, job.Deadline, progress);
    }
}
