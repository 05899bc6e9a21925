using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DagMaster.Application.Platforms.Common;

/// <summary>
/// The callback signature header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;body&gt;"
/// with the platform's signing secret&gt;</c>. The timestamp is signed with the body, so a receiver that refuses
/// signatures older than a few minutes cannot be sent a recorded callback again.
/// </summary>
public static class WebhookSignature
{
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string Create(string secret, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        var t = timestamp.ToUnixTimeSeconds();
        return $"t={t.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(Mac(secret, t, body))}";
    }

    /// <summary>True when <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/> and is at most <paramref name="tolerance"/> old (or early).</summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        long? t = null;
        var signatures = new List<byte[]>();
        foreach (var part in (header ?? string.Empty).Split(','))
        {
            var pair = part.Trim().Split('=', 2);
            if (pair is ["t", var value] && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                t = seconds;
            }
            else if (pair is ["v1", var hex] && hex.Length == 64)
            {
                try
                {
                    signatures.Add(Convert.FromHexString(hex));
                }
                catch (FormatException)
                {
                    // not a signature
                }
            }
        }

        if (t is not { } signedAt || Math.Abs(now.ToUnixTimeSeconds() - signedAt) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Mac(secret, signedAt, body);
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(s, expected));
    }

    private static byte[] Mac(string secret, long t, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(t.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
