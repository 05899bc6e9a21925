using DagMaster.Domain.Common;

namespace DagMaster.Domain.Platforms.Rules;

public sealed class ApiKeyMustExistRule(Platform platform, Guid keyId) : IBusinessRule
{
    public string Message => $"platform '{platform.Id}' has no API key '{keyId}'";

    public bool IsBroken() => platform.ApiKeys.All(k => k.Id != keyId);
}
