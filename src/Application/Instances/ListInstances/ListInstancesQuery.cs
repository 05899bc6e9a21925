namespace DagMaster.Application.Instances.ListInstances;

/// <summary>The host instances that registered themselves, most recently seen first.</summary>
public sealed record ListInstancesQuery : IQuery<IReadOnlyList<InstanceDto>>;
