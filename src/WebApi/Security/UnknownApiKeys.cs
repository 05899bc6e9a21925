using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace DagMaster.WebApi.Security;

/// <summary>
/// API keys no platform has, remembered for <see cref="Lifetime"/> so that presenting one again costs no database
/// query. Keys are kept as SHA-256 hashes, and at most <see cref="Capacity"/> of them (then the oldest go first).
/// A key that exists but is revoked or whose platform is inactive is not remembered: reactivating a platform takes
/// effect at once.
/// </summary>
internal sealed class UnknownApiKeys : IDisposable
{
    public const int Capacity = 100_000;

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    public bool Contains(string presented) => _cache.TryGetValue(Hash(presented), out _);

    public void Remember(string presented) =>
        _cache.Set(Hash(presented), true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });

    public void Dispose() => _cache.Dispose();

    private static string Hash(string presented) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
