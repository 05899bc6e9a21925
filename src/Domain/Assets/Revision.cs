namespace DagMaster.Domain.Assets;

/// <summary>One processing run of an asset version: its request, its job, its outcome and its artifacts.</summary>
public sealed class Revision
{
    private Revision()
    {
        // For EF Core.
    }

    internal Revision(Guid versionId, AssetId assetId, string platformId, int number, string requestId, Guid jobId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        VersionId = versionId;
        AssetId = assetId;
        PlatformId = platformId;
        Number = number;
        RequestId = requestId;
        JobId = jobId;
        Status = RevisionStatus.Processing;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid VersionId { get; private set; }

    public AssetId AssetId { get; private set; }

    /// <summary>The owning platform, kept here so request ids are unique per platform.</summary>
    public string PlatformId { get; private set; } = null!;

    /// <summary>1, 2, 3… within the version.</summary>
    public int Number { get; private set; }

    public string RequestId { get; private set; } = null!;

    public Guid JobId { get; private set; }

    public RevisionStatus Status { get; private set; }

    /// <summary>The workflow's evaluated <c>outputs:</c> (a JSON object), once the run completed.</summary>
    public string? ArtifactsJson { get; private set; }

    public string? Error { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    internal void End(RevisionStatus status, string? artifactsJson, string? error, DateTimeOffset now)
    {
        Status = status;
        ArtifactsJson = artifactsJson;
        Error = error;
        CompletedAt = now;
    }
}
