using System.Threading.RateLimiting;

namespace DagMaster.WebApi.Security.RateLimiting;

/// <summary>A token bucket: <see cref="PerSecond"/> tokens refilled each second up to <see cref="Burst"/>; 0 per second means no limit.</summary>
public sealed record TokenBucket(double PerSecond, int Burst)
{
    public bool IsUnlimited => PerSecond <= 0;

    public static TokenBucket From(IConfiguration configuration, string prefix, double perSecond, int burst)
    {
        var rate = configuration.GetValue($"{prefix}_PER_SECOND", perSecond);
        return new TokenBucket(rate, Math.Max(1, configuration.GetValue($"{prefix}_BURST", Math.Max(burst, (int)Math.Ceiling(rate)))));
    }

    public TokenBucketRateLimiterOptions ToOptions() => PerSecond >= 1
        ? new TokenBucketRateLimiterOptions
        {
            TokenLimit = Burst,
            TokensPerPeriod = (int)Math.Round(PerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }
        : new TokenBucketRateLimiterOptions
        {
            TokenLimit = Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / PerSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
}
