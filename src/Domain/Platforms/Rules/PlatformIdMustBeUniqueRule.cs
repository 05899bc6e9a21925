using DagMaster.Domain.Common;

namespace DagMaster.Domain.Platforms.Rules;

public sealed class PlatformIdMustBeUniqueRule(string platformId, bool exists) : IBusinessRule
{
    public string Message => $"platform '{platformId}' already exists";

    public bool IsBroken() => exists;
}
