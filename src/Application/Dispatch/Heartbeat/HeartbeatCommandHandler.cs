namespace DagMaster.Application.Dispatch.Heartbeat;

public sealed class HeartbeatCommandHandler(ITaskLeaseStore leases) : ICommandHandler<HeartbeatCommand, HeartbeatResult>
{
    public async ValueTask<HeartbeatResult> Handle(HeartbeatCommand command, CancellationToken cancellationToken) =>
        await leases.HeartbeatAsync(command.TaskId, command.ProgressJson, cancellationToken);
}
