using System.Security.Cryptography;
using System.Text;

namespace DagMaster.Application.Platforms.Common;

/// <summary>Platform API keys and signing secrets: random, URL-safe, and kept only as SHA-256 hashes (keys).</summary>
public static class ApiKeys
{
    /// <summary>Characters of a key's random part that its stored prefix keeps (48 bits of 256: enough to tell keys apart, useless to guess the rest).</summary>
    public const int PrefixRandomLength = 8;

    private const int RandomBytes = 32;

    /// <summary>Length of the random part: 32 bytes in unpadded base64url.</summary>
    private const int RandomLength = (RandomBytes * 4 + 2) / 3;

    public static string NewKey(string platformId) => $"dm_{platformId}_{Random(RandomBytes)}";

    public static string NewSecret() => Random(RandomBytes);

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// The shown part of a key of <see cref="NewKey"/>: <c>dm_&lt;platform&gt;_</c> and the first
    /// <see cref="PrefixRandomLength"/> characters of the random part. It is cut by length, never at an
    /// underscore, because the random part is base64url and may contain underscores itself.
    /// </summary>
    public static string PrefixOf(string platformId, string key)
    {
        var length = "dm_".Length + platformId.Length + 1 + PrefixRandomLength;
        if (key.Length != length - PrefixRandomLength + RandomLength || !key.StartsWith($"dm_{platformId}_", StringComparison.Ordinal))
        {
            throw new ArgumentException("Not a key of this platform.", nameof(key));
        }

        return key[..length];
    }

    private static string Random(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
