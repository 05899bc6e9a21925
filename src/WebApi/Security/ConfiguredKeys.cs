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

    public bool Contains(string presented) => IndexOf(presented) >= 0;

    /// <summary>The position of the key in the list (it names the credential without the key), or -1.</summary>
    public int IndexOf(string presented)
    {
        var hash = Hash(presented);
        var found = -1;
        for (var i = 0; i < _hashes.Length; i++)
        {
            // Every key is compared, so the time taken does not say which one matched.
            if (CryptographicOperations.FixedTimeEquals(_hashes[i], hash) && found < 0)
            {
                found = i;
            }
        }

        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
