using DagMaster.Domain.Common;

namespace DagMaster.Domain.Assets.Rules;

public sealed class OnlyPendingVersionCanBeReviewedRule(AssetVersion version) : IBusinessRule
{
    public string Message => $"version {version.Ordinal} is {AssetText.Of(version.ApprovalState)}, not pending_review";

    public bool IsBroken() => version.ApprovalState != ApprovalState.PendingReview;
}
