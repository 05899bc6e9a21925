namespace DagMaster.Domain.Platforms;

public interface IPlatformRepository
{
    void Add(Platform platform);

    /// <summary>The platform with its API keys, tracked for changes.</summary>
    Task<Platform?> GetAsync(string platformId, CancellationToken cancellationToken);
}
