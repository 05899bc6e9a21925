using System.Reflection;

namespace DagMaster.Infrastructure.Instances;

/// <summary>This process as the instance list shows it: a fresh id per start, host, pid, build version.</summary>
internal sealed class InstanceIdentity(TimeProvider clock)
{
    public string Id { get; } = Guid.NewGuid().ToString("N");

    public string HostName { get; } = Environment.MachineName;

    public int ProcessId { get; } = Environment.ProcessId;

    public string Version { get; } =
        typeof(InstanceIdentity).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public DateTimeOffset StartedAt { get; } = clock.GetUtcNow();
}
