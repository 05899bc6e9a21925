namespace DagMaster.Application.Platforms.ProtectSigningSecrets;

/// <summary>Encrypts the signing secrets stored in clear before secrets were protected; answers how many it encrypted.</summary>
public sealed record ProtectSigningSecretsCommand : ICommand<int>;
