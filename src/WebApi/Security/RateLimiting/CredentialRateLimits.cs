namespace DagMaster.WebApi.Security.RateLimiting;

/// <summary>
/// The token bucket each credential gets, by role: platform keys RATE_LIMIT_PLATFORM_* (default 50/s, burst 100),
/// operators (admin keys and UI users) RATE_LIMIT_OPERATOR_* and workers RATE_LIMIT_WORKER_* (default: no limit,
/// so operators' tools, the bench and workers' long polls are never throttled unless a deployment says so).
/// </summary>
public sealed record CredentialRateLimits(TokenBucket Platform, TokenBucket Operator, TokenBucket Worker)
{
    public static CredentialRateLimits From(IConfiguration configuration) => new(
        TokenBucket.From(configuration, "RATE_LIMIT_PLATFORM", perSecond: 50, burst: 100),
        TokenBucket.From(configuration, "RATE_LIMIT_OPERATOR", perSecond: 0, burst: 1),
        TokenBucket.From(configuration, "RATE_LIMIT_WORKER", perSecond: 0, burst: 1));
}
