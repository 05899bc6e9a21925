namespace DagMaster.Application.Jobs.RetryDueNodes;

public sealed record RetryDueNodesCommand(Guid JobId) : ICommand<int>;
