namespace DagMaster.Domain.Assets;

public enum ApprovalState
{
    PendingReview,
    Approved,
    Rejected,
}
