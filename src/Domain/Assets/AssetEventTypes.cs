namespace DagMaster.Domain.Assets;

public static class AssetEventTypes
{
    public const string VersionCreated = "version_created";
    public const string RevisionStarted = "revision_started";
    public const string RevisionEnded = "revision_ended";
    public const string VersionApproved = "version_approved";
    public const string VersionRejected = "version_rejected";
    public const string RolledBack = "rolled_back";
    public const string ClearanceChanged = "clearance_changed";
    public const string Deleted = "deleted";
}
