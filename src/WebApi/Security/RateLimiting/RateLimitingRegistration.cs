using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using DagMaster.WebApi.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;

namespace DagMaster.WebApi.Security.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter with one token bucket per credential (after authentication, so the partition is the
/// key that was presented, never the client's address). A refused call answers 429 Problem Details with Retry-After.
/// </summary>
internal static class RateLimitingRegistration
{
    public static IServiceCollection AddCredentialRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = CredentialRateLimits.From(configuration);
        services.AddSingleton(limits);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context.User, limits));
            options.OnRejected = WriteRejectionAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(ClaimsPrincipal user, CredentialRateLimits limits)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            // No credential, or one that failed: the call is refused (401) or reaches an open endpoint.
            return RateLimitPartition.GetNoLimiter("anonymous");
        }

        var (role, bucket) = user.IsInRole(AuthRoles.Platform) ? ("platform", limits.Platform)
            : user.IsInRole(AuthRoles.Worker) ? ("worker", limits.Worker)
            : ("operator", limits.Operator);
        if (bucket.IsUnlimited)
        {
            return RateLimitPartition.GetNoLimiter(role);
        }

        var credential = user.FindFirstValue(AuthRoles.CredentialClaim) ?? $"user:{user.Identity.Name}";
        return RateLimitPartition.GetTokenBucketLimiter($"{role}/{credential}", _ => bucket.ToOptions());
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"This credential's rate limit is reached; try again in {seconds} s.",
                Type = ProblemTypes.RateLimited,
            },
        });
    }
}
