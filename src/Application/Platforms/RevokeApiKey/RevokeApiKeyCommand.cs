namespace DagMaster.Application.Platforms.RevokeApiKey;

public sealed record RevokeApiKeyCommand(string PlatformId, Guid KeyId) : ICommand;
