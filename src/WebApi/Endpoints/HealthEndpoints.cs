using DagMaster.WebApi.Health;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DagMaster.WebApi.Endpoints;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/health", GetHealth).WithName(nameof(GetHealth)).WithSummary("Health of the service and its dependencies").WithTags("Health");
        app.MapGet("/livez", GetLiveness).WithName(nameof(GetLiveness)).WithSummary("Liveness probe").WithTags("Health");
        app.MapGet("/readyz", GetReadiness).WithName(nameof(GetReadiness)).WithSummary("Readiness probe").WithTags("Health");
        return app;
    }

    /// <summary>Every check with its detail and latency: 200 when healthy or degraded, 503 when unhealthy.</summary>
    public static async Task<Results<Ok<HealthReportDto>, JsonHttpResult<HealthReportDto>>> GetHealth(
        HttpContext context, CancellationToken cancellationToken)
    {
        var report = await context.RequestServices.GetRequiredService<HealthReporter>().CheckAsync(
            context.RequestServices, cancellationToken, withInstances: context.User.Identity?.IsAuthenticated == true);
        return report.Status != HealthReporter.Unhealthy
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The process is up; no dependency is checked.</summary>
    public static Ok<HealthCheckDto> GetLiveness() => TypedResults.Ok(HealthCheckDto.Ok("alive"));

    /// <summary>Ready to serve: database reachable, its Entra token available (when used) and schema up to date.</summary>
    public static async Task<Results<Ok<HealthReportDto>, JsonHttpResult<HealthReportDto>>> GetReadiness(
        HttpContext context, CancellationToken cancellationToken) => await GetHealth(context, cancellationToken);
}
