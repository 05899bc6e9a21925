namespace DagMaster.Domain.Assets;

/// <summary>The API's snake_case names of the asset enums.</summary>
public static class AssetText
{
    public static string Of(ApprovalState state) => state switch
    {
        ApprovalState.PendingReview => "pending_review",
        ApprovalState.Approved => "approved",
        _ => "rejected",
    };

    public static string Of(Clearance clearance) => clearance switch
    {
        Clearance.Uncleared => "uncleared",
        Clearance.Ouo => "ouo",
        _ => "public",
    };

    public static string Of(RevisionStatus status) => status switch
    {
        RevisionStatus.Processing => "processing",
        RevisionStatus.Completed => "completed",
        RevisionStatus.Failed => "failed",
        _ => "cancelled",
    };

    public static bool TryParse(string? text, out Clearance clearance)
    {
        clearance = text switch
        {
            "uncleared" => Clearance.Uncleared,
            "ouo" => Clearance.Ouo,
            "public" => Clearance.Public,
            _ => (Clearance)(-1),
        };
        return Enum.IsDefined(clearance);
    }

    public static bool TryParseApproval(string? text, out ApprovalState state)
    {
        state = text switch
        {
            "pending_review" => ApprovalState.PendingReview,
            "approved" => ApprovalState.Approved,
            "rejected" => ApprovalState.Rejected,
            _ => (ApprovalState)(-1),
        };
        return Enum.IsDefined(state);
    }
}
