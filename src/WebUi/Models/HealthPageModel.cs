using DagMaster.Application.Instances.ListInstances;

namespace DagMaster.WebUi.Models;

/// <summary>The health page: the same checks as /api/v1/health, this instance's facts and every registered instance.</summary>
public sealed record HealthPageModel(
    string Status,
    string Version,
    IReadOnlyList<HealthCheckLine> Checks,
    string Instance,
    string Runtime,
    string Environment,
    DateTimeOffset StartedAt,
    DateTimeOffset Now,
    IReadOnlyList<InstanceDto> Instances)
{
    public static bool IsThisProcess(InstanceDto instance) =>
        instance.ProcessId == System.Environment.ProcessId && string.Equals(instance.HostName, System.Environment.MachineName, StringComparison.Ordinal);
}
