using DagMaster.Application.Instances.ListInstances;

namespace DagMaster.WebApi.Health;

/// <summary><see cref="Instances"/> is listed for callers with a credential only (anonymous probes get no host names).</summary>
public sealed record HealthReportDto(
    string Status,
    string Version,
    IReadOnlyDictionary<string, HealthCheckDto> Checks,
    IReadOnlyList<InstanceDto>? Instances = null);
