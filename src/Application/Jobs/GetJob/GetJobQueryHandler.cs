using System.Text.Json;
using DagMaster.Application.Jobs.Common;
using DagMaster.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Application.Jobs.GetJob;

public sealed class GetJobQueryHandler(IReadModel readModel, IJobReader jobs) : IQueryHandler<GetJobQuery, JobDetailsDto?>
{
    public async ValueTask<JobDetailsDto?> Handle(GetJobQuery query, CancellationToken cancellationToken)
    {
        var id = new JobId(query.JobId);
        var job = await jobs.FindAsync(id, cancellationToken);
        if (job is null || (query.PlatformId is not null && job.PlatformId != query.PlatformId))
        {
            return null;
        }

        var counts = await readModel.JobNodes.Where(n => n.JobId == id)
            .GroupBy(n => n.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byStatus = counts.ToDictionary(c => c.Status, c => c.Count);
        var running = byStatus.GetValueOrDefault(NodeStatus.Running) == 0
            ? []
            : await readModel.JobNodes
                .Where(n => n.JobId == id && n.Status == NodeStatus.Running && n.ProgressJson != null)
                .OrderBy(n => n.NodeId)
                .Select(n => n.ProgressJson!)
                .Take(1000)
                .ToListAsync(cancellationToken);
        return Map(job, byStatus, running.Sum(ProgressFraction));
    }

    /// <summary>How far a running node says it is, from its last heartbeat's {current, total}: 0 to 1.</summary>
    internal static double ProgressFraction(string progressJson)
    {
        try
        {
            var progress = JsonDocument.Parse(progressJson).RootElement;
            if (progress.ValueKind == JsonValueKind.Object
                && progress.TryGetProperty("current", out var current) && current.TryGetDouble(out var c)
                && progress.TryGetProperty("total", out var total) && total.TryGetDouble(out var t) && t > 0)
            {
                return Math.Clamp(c / t, 0, 1);
            }
        }
        catch (JsonException)
        {
        }

        return 0;
    }

    internal static JobDetailsDto Map(Job job, IReadOnlyDictionary<NodeStatus, int> counts, double runningFraction = 0)
    {
        int Count(params NodeStatus[] statuses) => statuses.Sum(s => counts.GetValueOrDefault(s));
        var total = counts.Values.Sum();
        var done = Count(NodeStatus.Completed, NodeStatus.Skipped);
        var progress = new JobProgressDto(
            total,
            done,
            Count(NodeStatus.Dispatched, NodeStatus.Running),
            Count(NodeStatus.Failed),
            total == 0 ? 0 : Math.Round(100.0 * (done + runningFraction) / total, 1));
        return new JobDetailsDto(
            job.Id.Value, job.WorkflowId, job.WorkflowVersion, job.Status.Text(), job.Priority, job.CorrelationId, job.PlatformId,
            JsonValues.Parse(job.ExternalRefsJson), JsonValues.Parse(job.InputsJson), JsonValues.Parse(job.ResultJson), job.Error,
            job.FailedNodeId, job.SubmittedBy, job.CreatedAt, job.StartedAt, job.CompletedAt, job.Deadline, progress);
    }
}
