namespace DagMaster.Application.Platforms.CreateApiKey;

/// <summary>Issues an API key for a platform; the answer is the only time the key is shown.</summary>
public sealed record CreateApiKeyCommand(string PlatformId, string? Name) : ICommand<CreatedApiKeyDto>;
