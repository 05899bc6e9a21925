using System.Reflection;
using DagMaster.Application.Abstractions;
using DagMaster.Application.Instances.ListInstances;
using Mediator;

namespace DagMaster.WebApi.Health;

/// <summary>Runs the real checks behind /api/v1/health and /readyz.</summary>
internal sealed class HealthReporter
{
    private static readonly string s_version =
        typeof(HealthReporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>Runs every check; <c>withInstances</c> also lists the registered host instances (when the schema is up to date).</summary>
    public async Task<HealthReportDto> CheckAsync(IServiceProvider services, CancellationToken cancellationToken, bool withInstances = false)
    {
        var database = services.GetRequiredService<IDatabaseHealth>();
        var checks = new Dictionary<string, HealthCheckDto>(StringComparer.Ordinal);

        IReadOnlyList<InstanceDto>? instances = null;
        var databaseProblem = await database.CheckAsync(cancellationToken);
        checks["database"] = databaseProblem is null ? HealthCheckDto.Ok("connected") : HealthCheckDto.Failed(databaseProblem);
        var transport = services.GetRequiredService<ITransportHealth>();
        checks["transport"] = await transport.CheckAsync(cancellationToken) is { } transportProblem
            ? HealthCheckDto.Failed($"{transport.Name}: {transportProblem}")
            : HealthCheckDto.Ok($"{transport.Name}: reachable");

        if (databaseProblem is null)
        {
            var pending = await database.PendingMigrationsAsync(cancellationToken);
            checks["schema"] = pending.Count == 0
                ? HealthCheckDto.Ok("up to date")
                : HealthCheckDto.Failed($"{pending.Count} pending migration(s); set AUTO_BOOTSTRAP_SCHEMA=true or POST /api/v1/bootstrap/schema");
            if (pending.Count == 0)
            {
                var workflows = services.GetRequiredService<IReadModel>().WorkflowVersions.Count();
                checks["workflows"] = workflows > 0 ? HealthCheckDto.Ok($"{workflows} workflow version(s) registered") : HealthCheckDto.Failed("no workflow registered");
                if (withInstances)
                {
                    instances = await services.GetRequiredService<ISender>().Send(new ListInstancesQuery(), cancellationToken);
                }
            }
        }

        var healthy = checks.Values.All(c => c.Status == "ok");
        return new HealthReportDto(healthy ? "healthy" : "unhealthy", s_version, checks, instances);
    }
}
