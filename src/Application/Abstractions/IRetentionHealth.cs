namespace DagMaster.Application.Abstractions;

/// <summary>What the retention of ended jobs is set to and what its last run deleted, for the health checks.</summary>
public interface IRetentionHealth
{
    Task<string> DescribeAsync(CancellationToken cancellationToken);
}
