namespace DagMaster.Domain.Assets;

/// <summary>One entry of an asset's append-only history (versions, revisions, approvals, rollbacks, clearance).</summary>
public sealed class AssetEvent
{
    private AssetEvent()
    {
        // For EF Core.
    }

    internal AssetEvent(AssetId assetId, string type, int? versionOrdinal, string? dataJson, string? actor, DateTimeOffset occurredAt)
    {
        AssetId = assetId;
        Type = type;
        VersionOrdinal = versionOrdinal;
        DataJson = dataJson;
        Actor = actor;
        OccurredAt = occurredAt;
    }

    public long Id { get; private set; }

    public AssetId AssetId { get; private set; }

    public string Type { get; private set; } = null!;

    public int? VersionOrdinal { get; private set; }

    public string? DataJson { get; private set; }

    public string? Actor { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }
}
