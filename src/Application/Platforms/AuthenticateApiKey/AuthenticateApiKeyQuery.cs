namespace DagMaster.Application.Platforms.AuthenticateApiKey;

/// <summary>Looks an API key up by its hash: null when no key has it, else the key and whether it may be used.</summary>
public sealed record AuthenticateApiKeyQuery(string Key) : IQuery<ApiKeyLookup?>;
