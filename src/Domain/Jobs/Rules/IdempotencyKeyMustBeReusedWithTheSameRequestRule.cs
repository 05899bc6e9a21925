using DagMaster.Domain.Common;

namespace DagMaster.Domain.Jobs.Rules;

public sealed class IdempotencyKeyMustBeReusedWithTheSameRequestRule(Job existing, string requestHash) : IBusinessRule
{
    public string Message =>
        $"the Idempotency-Key '{existing.IdempotencyKey}' was already used for job {existing.Id} with a different request body";

    public bool IsBroken() => !string.Equals(existing.RequestHash, requestHash, StringComparison.Ordinal);
}
