namespace DagMaster.Domain.Assets;

/// <summary>
/// A semantic version of an asset as the platform names it (an opaque label we never parse), numbered by
/// us 0, 1, 2…; its revisions are our processing runs, one of which is current.
/// </summary>
public sealed class AssetVersion
{
    private readonly List<Revision> _revisions = [];

    private AssetVersion()
    {
        // For EF Core.
    }

    internal AssetVersion(AssetId assetId, int ordinal, string? label, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        AssetId = assetId;
        Ordinal = ordinal;
        Label = label;
        ApprovalState = ApprovalState.PendingReview;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public AssetId AssetId { get; private set; }

    public int Ordinal { get; private set; }

    public string? Label { get; private set; }

    public ApprovalState ApprovalState { get; private set; }

    public string? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    /// <summary>The number of the revision whose artifacts the version answers with.</summary>
    public int CurrentRevision { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyCollection<Revision> Revisions => _revisions.AsReadOnly();

    public Revision? Current => _revisions.SingleOrDefault(r => r.Number == CurrentRevision);

    /// <summary>Unresolved: still under review, or a revision still processing.</summary>
    public bool IsUnresolved => ApprovalState == ApprovalState.PendingReview || _revisions.Any(r => r.Status == RevisionStatus.Processing);

    internal Revision AddRevision(string platformId, string requestId, Guid jobId, DateTimeOffset now)
    {
        var revision = new Revision(Id, AssetId, platformId, _revisions.Count == 0 ? 1 : _revisions.Max(r => r.Number) + 1, requestId, jobId, now);
        _revisions.Add(revision);
        CurrentRevision = revision.Number;
        ApprovalState = ApprovalState.PendingReview;
        ReviewedBy = null;
        ReviewedAt = null;
        RejectionReason = null;
        return revision;
    }

    internal void Review(ApprovalState state, string actor, string? reason, DateTimeOffset now)
    {
        ApprovalState = state;
        ReviewedBy = actor;
        ReviewedAt = now;
        RejectionReason = reason;
    }

    internal void MakeCurrent(int revision) => CurrentRevision = revision;
}
