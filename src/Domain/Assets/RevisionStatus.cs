namespace DagMaster.Domain.Assets;

public enum RevisionStatus
{
    Processing,
    Completed,
    Failed,
    Cancelled,
}
