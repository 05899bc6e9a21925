using System.Text.Json;
using DagMaster.Domain.Assets.Rules;
using DagMaster.Domain.Common;

namespace DagMaster.Domain.Assets;

/// <summary>
/// A platform's dataset as DagMaster knows it: identified by the platform's required refs (kept verbatim as
/// metadata, never as keys), versioned by the platform's labels, processed in revisions. The asset enforces
/// every transition: new version vs new revision, review, rollback, clearance and soft delete.
/// </summary>
public sealed class GeospatialAsset : Entity, IAggregateRoot
{
    private readonly List<AssetVersion> _versions = [];
    private readonly List<AssetEvent> _events = [];

    private GeospatialAsset()
    {
        // For EF Core.
    }

    public AssetId Id { get; private set; }

    public string PlatformId { get; private set; } = null!;

    /// <summary>The platform's refs that identify the asset, as canonical JSON.</summary>
    public string PlatformRefsJson { get; private set; } = null!;

    public Clearance Clearance { get; private set; }

    public string? ClearedBy { get; private set; }

    public DateTimeOffset? ClearedAt { get; private set; }

    public bool IsDeleted { get; private set; }

    public string? DeletedBy { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyCollection<AssetVersion> Versions => _versions.AsReadOnly();

    /// <summary>History entries added by this instance (existing ones are never loaded).</summary>
    public IReadOnlyCollection<AssetEvent> Events => _events.AsReadOnly();

    public static GeospatialAsset Create(string platformId, IReadOnlyDictionary<string, string> requiredRefs, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return new GeospatialAsset
        {
            Id = AssetId.For(platformId, requiredRefs),
            PlatformId = platformId,
            PlatformRefsJson = AssetId.CanonicalRefs(requiredRefs),
            Clearance = Clearance.Uncleared,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public AssetVersion? FindVersion(int ordinal) => _versions.SingleOrDefault(v => v.Ordinal == ordinal);

    /// <summary>
    /// Records a submission: a label not seen before opens a new version (when every earlier one is resolved);
    /// a known label, or none with an existing version, starts a new revision of that version.
    /// </summary>
    public Revision Submit(string? label, string requestId, Guid jobId, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        CheckRule(new AssetMustNotBeDeletedRule(this));
        var version = label is null ? _versions.OrderByDescending(v => v.Ordinal).FirstOrDefault() : _versions.SingleOrDefault(v => v.Label == label);
        if (version is null)
        {
            CheckRule(new EarlierVersionMustBeResolvedRule(this));
            version = new AssetVersion(Id, _versions.Count == 0 ? 0 : _versions.Max(v => v.Ordinal) + 1, label, now);
            _versions.Add(version);
            Record(AssetEventTypes.VersionCreated, version.Ordinal, new { label }, null, now);
        }
        else
        {
            CheckRule(new RevisionMustNotBeProcessingRule(version));
        }

        var revision = version.AddRevision(PlatformId, requestId, jobId, now);
        Record(AssetEventTypes.RevisionStarted, version.Ordinal, new { revision = revision.Number, request_id = requestId, job_id = jobId }, null, now);
        return revision;
    }

    /// <summary>Ends the revision that ran <paramref name="jobId"/>; null when no revision ran it or it already ended.</summary>
    public Revision? EndRevision(Guid jobId, RevisionStatus status, string? artifactsJson, string? error, TimeProvider clock)
    {
        var revision = _versions.SelectMany(v => v.Revisions).SingleOrDefault(r => r.JobId == jobId);
        if (revision is null || revision.Status != RevisionStatus.Processing || status == RevisionStatus.Processing)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        revision.End(status, status == RevisionStatus.Completed ? artifactsJson ?? "{}" : null, error, now);
        Record(AssetEventTypes.RevisionEnded, VersionOf(revision).Ordinal, new { revision = revision.Number, status = AssetText.Of(status), error }, null, now);
        return revision;
    }

    public AssetVersion VersionOf(Revision revision) => _versions.Single(v => v.Id == revision.VersionId);

    public void Approve(AssetVersion version, string actor, TimeProvider clock)
    {
        CheckRule(new OnlyPendingVersionCanBeReviewedRule(version));
        CheckRule(new OnlyCompletedRevisionCanBeApprovedRule(version));
        var now = clock.GetUtcNow();
        version.Review(ApprovalState.Approved, actor, null, now);
        Record(AssetEventTypes.VersionApproved, version.Ordinal, new { revision = version.CurrentRevision }, actor, now);
    }

    public void Reject(AssetVersion version, string actor, string? reason, TimeProvider clock)
    {
        CheckRule(new RejectionNeedsReasonRule(reason));
        CheckRule(new OnlyPendingVersionCanBeReviewedRule(version));
        var now = clock.GetUtcNow();
        version.Review(ApprovalState.Rejected, actor, reason, now);
        Record(AssetEventTypes.VersionRejected, version.Ordinal, new { revision = version.CurrentRevision, reason }, actor, now);
    }

    /// <summary>Makes an earlier completed revision current again: the version answers with its artifacts.</summary>
    public void Rollback(AssetVersion version, int revision, string actor, TimeProvider clock)
    {
        CheckRule(new RollbackTargetMustBeEarlierCompletedRevisionRule(version, revision));
        var now = clock.GetUtcNow();
        var from = version.CurrentRevision;
        version.MakeCurrent(revision);
        Record(AssetEventTypes.RolledBack, version.Ordinal, new { from_revision = from, to_revision = revision }, actor, now);
    }

    public void SetClearance(Clearance clearance, string actor, TimeProvider clock)
    {
        CheckRule(new ClearanceCanOnlyMoveForwardRule(Clearance, clearance));
        var now = clock.GetUtcNow();
        Record(AssetEventTypes.ClearanceChanged, null, new { from = AssetText.Of(Clearance), to = AssetText.Of(clearance) }, actor, now);
        Clearance = clearance;
        ClearedBy = actor;
        ClearedAt = now;
    }

    public void Delete(string actor, TimeProvider clock)
    {
        CheckRule(new AssetMustNotBeDeletedRule(this));
        var now = clock.GetUtcNow();
        IsDeleted = true;
        DeletedBy = actor;
        DeletedAt = now;
        Record(AssetEventTypes.Deleted, null, null, actor, now);
    }

    /// <summary>The highest approved ordinal, or null.</summary>
    public int? LatestApprovedOrdinal => _versions.Where(v => v.ApprovalState == ApprovalState.Approved).Select(v => (int?)v.Ordinal).Max();

    private void Record(string type, int? ordinal, object? data, string? actor, DateTimeOffset now)
    {
        _events.Add(new AssetEvent(Id, type, ordinal, data is null ? null : JsonSerializer.Serialize(data), actor, now));
        UpdatedAt = now;
    }
}
