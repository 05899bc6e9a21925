using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace DagMaster.WebUi.Security;

/// <summary>
/// Limits login attempts before the password hash is computed (PBKDF2 costs ~100 ms of CPU per attempt): a token
/// bucket per client address (<see cref="AdminUiOptions.LoginAttemptsPerMinute"/>) and one per login name
/// (<see cref="AdminUiOptions.LoginAttemptsPerMinutePerName"/>), both refilled over a minute.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byName;

    public LoginThrottle(IOptions<AdminUiOptions> options)
    {
        _byAddress = Buckets(options.Value.LoginAttemptsPerMinute);
        _byName = Buckets(options.Value.LoginAttemptsPerMinutePerName);
    }

    /// <summary>Takes one attempt for the address and the name; false with how long to wait when either has none left.</summary>
    public bool TryAttempt(IPAddress? address, string? name, out TimeSpan retryAfter)
    {
        using var byAddress = _byAddress.AttemptAcquire($"address:{address}");
        if (!byAddress.IsAcquired)
        {
            retryAfter = RetryAfter(byAddress);
            return false;
        }

        using var byName = _byName.AttemptAcquire($"name:{(name ?? string.Empty).Trim().ToLowerInvariant()}");
        retryAfter = byName.IsAcquired ? TimeSpan.Zero : RetryAfter(byName);
        return byName.IsAcquired;
    }

    public void Dispose()
    {
        _byAddress.Dispose();
        _byName.Dispose();
    }

    private static PartitionedRateLimiter<string> Buckets(int perMinute) => PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perMinute),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / Math.Max(1, perMinute),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
}
