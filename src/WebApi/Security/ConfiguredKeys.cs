using System.Security.Cryptography;
using System.Text;

namespace DagMaster.WebApi.Security;

/// <summary>A comma-separated key list from configuration (WORKER_KEYS, ADMIN_KEYS), compared in constant time.</summary>
internal sealed class ConfiguredKeys(string? commaSeparated)
{
    private readonly byte[][] _hashes = (commaSeparated ?? string.Empty)
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(Hash)
        .ToArray();

    public bool Contains(string presented)
    {
        var hash = Hash(presented);
        return _hashes.Any(k => CryptographicOperations.FixedTimeEquals(k, hash));
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
