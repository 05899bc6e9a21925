namespace DagMaster.Application.Instances.ListInstances;

/// <summary>The table of host instances (written by each host's heartbeat, read by the health views).</summary>
public interface IInstanceRegistry
{
    Task<IReadOnlyList<InstanceDto>> ListAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}
