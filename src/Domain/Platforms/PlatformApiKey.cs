namespace DagMaster.Domain.Platforms;

/// <summary>An API key of a platform. Only its SHA-256 hash is kept; the key itself is shown once.</summary>
public sealed class PlatformApiKey
{
    private PlatformApiKey()
    {
        // For EF Core.
    }

    internal PlatformApiKey(string platformId, string name, string keyHash, string prefix, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        PlatformId = platformId;
        Name = name;
        KeyHash = keyHash;
        Prefix = prefix;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public string PlatformId { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public string KeyHash { get; private set; } = null!;

    /// <summary>The key's first characters, so operators can tell keys apart.</summary>
    public string Prefix { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    internal void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
