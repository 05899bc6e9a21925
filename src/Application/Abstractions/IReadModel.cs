using DagMaster.Domain.Assets;
using DagMaster.Domain.Jobs;
using DagMaster.Domain.Platforms;
using DagMaster.Domain.Workflows;

namespace DagMaster.Application.Abstractions;

/// <summary>No-tracking queryable views for the read side; queries project straight to DTOs.</summary>
public interface IReadModel
{
    IQueryable<WorkflowVersion> WorkflowVersions { get; }

    IQueryable<Job> Jobs { get; }

    IQueryable<JobNode> JobNodes { get; }

    IQueryable<JobEvent> JobEvents { get; }

    IQueryable<Platform> Platforms { get; }

    IQueryable<PlatformApiKey> PlatformApiKeys { get; }

    IQueryable<WebhookDelivery> WebhookDeliveries { get; }

    IQueryable<GeospatialAsset> Assets { get; }

    IQueryable<AssetVersion> AssetVersions { get; }

    IQueryable<Revision> Revisions { get; }

    IQueryable<AssetEvent> AssetEvents { get; }
}
