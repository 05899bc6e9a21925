namespace DagMaster.Application.Instances.ListInstances;

public sealed class ListInstancesQueryHandler(IInstanceRegistry registry, TimeProvider clock) : IQueryHandler<ListInstancesQuery, IReadOnlyList<InstanceDto>>
{
    public async ValueTask<IReadOnlyList<InstanceDto>> Handle(ListInstancesQuery query, CancellationToken cancellationToken) =>
        await registry.ListAsync(clock.GetUtcNow(), InstanceRules.MaxListed, cancellationToken);
}
