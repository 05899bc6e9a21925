namespace DagMaster.Application.Jobs.GetDashboard;

public sealed class GetDashboardQueryHandler(IDashboardReader reader, TimeProvider clock) : IQueryHandler<GetDashboardQuery, DashboardDto>
{
    public async ValueTask<DashboardDto> Handle(GetDashboardQuery query, CancellationToken cancellationToken) =>
        await reader.ReadAsync(query, clock.GetUtcNow(), cancellationToken);
}
