namespace DagMaster.Domain.Platforms;

public interface IPlatformRepository
{
    void Add(Platform platform);

    /// <summary>The platform with its API keys, tracked for changes.</summary>
    Task<Platform?> GetAsync(string platformId, CancellationToken cancellationToken);

    /// <summary>Every platform, tracked for changes (a registry holds tens of them).</summary>
    Task<List<Platform>> ListAsync(CancellationToken cancellationToken);
}
