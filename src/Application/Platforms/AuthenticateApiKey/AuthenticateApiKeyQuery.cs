namespace DagMaster.Application.Platforms.AuthenticateApiKey;

/// <summary>The platform an API key belongs to, when the key is known, not revoked and its platform active; else null.</summary>
public sealed record AuthenticateApiKeyQuery(string Key) : IQuery<string?>;
