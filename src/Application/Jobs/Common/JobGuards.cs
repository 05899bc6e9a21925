using DagMaster.Domain.Common;
using DagMaster.Domain.Jobs;
using DagMaster.Domain.Jobs.Rules;

namespace DagMaster.Application.Jobs.Common;

internal static class JobGuards
{
    public static void CheckIdempotentReplay(Job existing, string requestHash)
    {
        var rule = new IdempotencyKeyMustBeReusedWithTheSameRequestRule(existing, requestHash);
        if (rule.IsBroken())
        {
            throw new BusinessRuleValidationException(rule);
        }
    }
}
