using DagMaster.Domain.Common;

namespace DagMaster.Domain.Assets.Rules;

public sealed class RejectionNeedsReasonRule(string? reason) : IBusinessRule
{
    public string Message => "a rejection needs a reason";

    public bool IsBroken() => string.IsNullOrWhiteSpace(reason);
}
