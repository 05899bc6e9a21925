namespace DagMaster.Application.Jobs.GetDashboard;

/// <summary>The dashboard's aggregate reads (grouped counts and short indexed lists are provider specific).</summary>
public interface IDashboardReader
{
    Task<DashboardDto> ReadAsync(GetDashboardQuery query, DateTimeOffset now, CancellationToken cancellationToken);
}
