namespace DagMaster.Application.Platforms.RotateSigningSecret;

/// <summary>A platform's new signing secret: shown in this answer only.</summary>
public sealed record SigningSecretDto(string PlatformId, string SigningSecret, DateTimeOffset RotatedAt);
