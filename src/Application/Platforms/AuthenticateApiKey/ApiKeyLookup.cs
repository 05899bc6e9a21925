namespace DagMaster.Application.Platforms.AuthenticateApiKey;

/// <summary>A stored key: its id and platform, and whether it may be used (not revoked, platform active).</summary>
public sealed record ApiKeyLookup(Guid KeyId, string PlatformId, bool Usable);
