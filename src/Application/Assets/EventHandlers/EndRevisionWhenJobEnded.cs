using DagMaster.Application.Assets.Common;
using DagMaster.Application.Workflows.Catalog;
using DagMaster.Domain.Assets;
using DagMaster.Domain.Jobs;
using DagMaster.Domain.Jobs.Events;

namespace DagMaster.Application.Assets.EventHandlers;

/// <summary>
/// When a platform's job ends, its revision ends too: a completed job's workflow <c>outputs:</c> become the
/// revision's artifacts, and the platform's callback is written as an outbox row — all in the job's transaction.
/// </summary>
public sealed class EndRevisionWhenJobEnded(
    IAssetRepository assets,
    IJobRepository jobs,
    IWorkflowCatalog catalog,
    AssetCallbacks callbacks,
    TimeProvider clock)
    : INotificationHandler<JobEndedDomainEvent>
{
    public async ValueTask Handle(JobEndedDomainEvent notification, CancellationToken cancellationToken)
    {
        if (notification.PlatformId is null || await assets.FindByJobAsync(notification.JobId.Value, cancellationToken) is not { } assetId)
        {
            return;
        }

        var asset = (await assets.GetForUpdateAsync(assetId, cancellationToken))!;
        var job = (await jobs.GetForUpdateAsync(notification.JobId, ChildSelection.None, cancellationToken))!;
        string? artifacts = null;
        if (notification.Status == JobStatus.Completed
            && await catalog.FindAsync(job.WorkflowId, job.WorkflowVersion, cancellationToken) is { } definition)
        {
            artifacts = job.EvaluateOutputs(definition);
        }

        var status = notification.Status switch
        {
            JobStatus.Completed => RevisionStatus.Completed,
            JobStatus.Cancelled => RevisionStatus.Cancelled,
            _ => RevisionStatus.Failed,
        };
        var revision = asset.EndRevision(notification.JobId.Value, status, artifacts, job.Error, clock);
        if (revision is not null)
        {
            var text = AssetText.Of(status);
            await callbacks.EnqueueAsync(asset, revision, $"job.{text}", text, cancellationToken);
        }
    }
}
