namespace DagMaster.Application.Platforms.RotateSigningSecret;

/// <summary>Gives the platform a new random signing secret, answered once; callbacks sent from then on use it.</summary>
public sealed record RotateSigningSecretCommand(string PlatformId) : ICommand<SigningSecretDto>;
