using System.Security.Cryptography;
using System.Text;

namespace DagMaster.Domain.Assets;

/// <summary>
/// An asset's identity: the first 32 hex characters of SHA-256 over <c>platform_id|canonical required refs</c>.
/// Deterministic, so the same refs always name the same asset and two platforms never collide.
/// </summary>
public readonly record struct AssetId(string Value)
{
    public static AssetId For(string platformId, IReadOnlyDictionary<string, string> requiredRefs)
    {
        var canonical = CanonicalRefs(requiredRefs);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(platformId + "|" + canonical));
        return new AssetId(Convert.ToHexStringLower(hash)[..32]);
    }

    /// <summary>The refs as JSON with keys sorted ordinally and no whitespace.</summary>
    public static string CanonicalRefs(IReadOnlyDictionary<string, string> refs)
    {
        var builder = new StringBuilder("{");
        foreach (var (key, value) in refs.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (builder.Length > 1)
            {
                builder.Append(',');
            }

            builder.Append(System.Text.Json.JsonSerializer.Serialize(key)).Append(':').Append(System.Text.Json.JsonSerializer.Serialize(value));
        }

        return builder.Append('}').ToString();
    }

    public override string ToString() => Value;
}
