using System.Diagnostics;
using System.Reflection;
using DagMaster.Application.Abstractions;
using DagMaster.Application.Instances.ListInstances;
using Mediator;

namespace DagMaster.WebApi.Health;

/// <summary>
/// Runs the real checks behind /api/v1/health and /readyz, each dependency on its own with its latency. The report is
/// <c>unhealthy</c> when DagMaster cannot work (database, its Entra token, the schema), <c>degraded</c> when it works
/// with less (the task transport is unreachable, so tasks wait in the outbox; no workflow is registered), else
/// <c>healthy</c>.
/// </summary>
internal sealed class HealthReporter
{
    public const string Healthy = "healthy";
    public const string Degraded = "degraded";
    public const string Unhealthy = "unhealthy";

    private static readonly string s_version =
        typeof(HealthReporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private static readonly string[] s_critical = ["database", "credential", "schema"];

    /// <summary>Runs every check; <c>withInstances</c> also lists the registered host instances (when the schema is up to date).</summary>
    public async Task<HealthReportDto> CheckAsync(IServiceProvider services, CancellationToken cancellationToken, bool withInstances = false)
    {
        var checks = new Dictionary<string, HealthCheckDto>(StringComparer.Ordinal);
        var credential = services.GetRequiredService<ICredentialHealth>();
        if (credential.InUse)
        {
            checks["credential"] = await TimedAsync(() => credential.CheckAsync(cancellationToken), "Entra token available");
        }

        var database = services.GetRequiredService<IDatabaseHealth>();
        checks["database"] = await TimedAsync(() => database.CheckAsync(cancellationToken), "connected");
        var transport = services.GetRequiredService<ITransportHealth>();
        checks["transport"] = await TimedAsync(() => transport.CheckAsync(cancellationToken), $"{transport.Name}: reachable", problem => $"{transport.Name}: {problem}");

        IReadOnlyList<InstanceDto>? instances = null;
        if (checks["database"].Status == "ok")
        {
            var pending = await database.PendingMigrationsAsync(cancellationToken);
            checks["schema"] = pending.Count == 0
                ? HealthCheckDto.Ok("up to date")
                : HealthCheckDto.Failed($"{pending.Count} pending migration(s): set AUTO_BOOTSTRAP_SCHEMA=true and restart, and DagMaster applies them at start-up");
            if (pending.Count == 0)
            {
                var workflows = services.GetRequiredService<IReadModel>().WorkflowVersions.Count();
                checks["workflows"] = workflows > 0 ? HealthCheckDto.Ok($"{workflows} workflow version(s) registered") : HealthCheckDto.Failed("no workflow registered");
                checks["retention"] = HealthCheckDto.Ok(await services.GetRequiredService<IRetentionHealth>().DescribeAsync(cancellationToken));
                if (withInstances)
                {
                    instances = await services.GetRequiredService<ISender>().Send(new ListInstancesQuery(), cancellationToken);
                }
            }
        }
        else
        {
            checks["schema"] = HealthCheckDto.Failed("not checked: the database is unreachable");
        }

        var status = checks.Where(c => c.Value.Status != "ok").Select(c => c.Key).ToList() switch
        {
            { Count: 0 } => Healthy,
            var failing when failing.Any(s_critical.Contains) => Unhealthy,
            _ => Degraded,
        };
        return new HealthReportDto(status, s_version, checks, instances);
    }

    private static async Task<HealthCheckDto> TimedAsync(Func<Task<string?>> check, string okDetail, Func<string, string>? describe = null)
    {
        var started = Stopwatch.GetTimestamp();
        var problem = await check();
        var latency = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 3);
        return problem is null ? HealthCheckDto.Ok(okDetail, latency) : HealthCheckDto.Failed(describe?.Invoke(problem) ?? problem, latency);
    }
}
