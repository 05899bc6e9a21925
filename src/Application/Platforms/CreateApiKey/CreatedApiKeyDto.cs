namespace DagMaster.Application.Platforms.CreateApiKey;

public sealed record CreatedApiKeyDto(Guid KeyId, string PlatformId, string Name, string Prefix, string Key, DateTimeOffset CreatedAt);
