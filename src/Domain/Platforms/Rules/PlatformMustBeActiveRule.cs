using DagMaster.Domain.Common;

namespace DagMaster.Domain.Platforms.Rules;

public sealed class PlatformMustBeActiveRule(Platform platform) : IBusinessRule
{
    public string Message => $"platform '{platform.Id}' is not active";

    public bool IsBroken() => !platform.IsActive;
}
