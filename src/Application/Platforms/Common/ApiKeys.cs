using System.Security.Cryptography;
using System.Text;

namespace DagMaster.Application.Platforms.Common;

/// <summary>Platform API keys and signing secrets: random, URL-safe, and kept only as SHA-256 hashes (keys).</summary>
public static class ApiKeys
{
    public static string NewKey(string platformId) => $"dm_{platformId}_{Random(32)}";

    public static string NewSecret() => Random(32);

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string PrefixOf(string key) => key[..Math.Min(key.Length, key.LastIndexOf('_') + 7)];

    private static string Random(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
