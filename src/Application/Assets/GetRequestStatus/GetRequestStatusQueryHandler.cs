using DagMaster.Application.Assets.Common;
using DagMaster.Domain.Assets;
using DagMaster.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Application.Assets.GetRequestStatus;

public sealed class GetRequestStatusQueryHandler(IReadModel readModel) : IQueryHandler<GetRequestStatusQuery, RequestStatusDto?>
{
    public async ValueTask<RequestStatusDto?> Handle(GetRequestStatusQuery query, CancellationToken cancellationToken)
    {
        var found = await readModel.Revisions
            .Where(r => r.PlatformId == query.PlatformId && r.RequestId == query.RequestId)
            .Join(readModel.AssetVersions, r => r.VersionId, v => v.Id, (r, v) => new { Revision = r, Version = v })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var (revision, version) = (found.Revision, found.Version);
        var jobId = new JobId(revision.JobId);
        var jobStatus = await readModel.Jobs.Where(j => j.Id == jobId).Select(j => j.Status).SingleAsync(cancellationToken);
        var nodes = await readModel.JobNodes.Where(n => n.JobId == jobId)
            .GroupBy(n => n.Status == NodeStatus.Completed || n.Status == NodeStatus.Skipped)
            .Select(g => new { Done = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var total = nodes.Sum(n => n.Count);
        var done = nodes.Where(n => n.Done).Sum(n => n.Count);
        var status = revision.Status switch
        {
            RevisionStatus.Processing => jobStatus == JobStatus.Pending ? "accepted" : "processing",
            _ => AssetText.Of(revision.Status),
        };
        return new RequestStatusDto(
            revision.RequestId,
            status,
            revision.Status == RevisionStatus.Completed ? 100 : total == 0 ? 0 : Math.Round(100.0 * done / total, 1),
            revision.AssetId.Value,
            version.Ordinal,
            version.Label,
            revision.Number,
            version.CurrentRevision == revision.Number,
            AssetText.Of(version.ApprovalState),
            AssetMapping.Json(revision.ArtifactsJson),
            revision.Error,
            revision.CreatedAt,
            revision.CompletedAt);
    }
}
