namespace DagMaster.Application.Platforms.Common;

public sealed record ApiKeyDto(Guid KeyId, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
