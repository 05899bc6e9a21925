namespace DagMaster.Application.Dispatch.Heartbeat;

public sealed class HeartbeatCommandHandler(ITaskQueue queue) : ICommandHandler<HeartbeatCommand, HeartbeatResult>
{
    public async ValueTask<HeartbeatResult> Handle(HeartbeatCommand command, CancellationToken cancellationToken) =>
        await queue.HeartbeatAsync(command.TaskId, command.ProgressJson, cancellationToken);
}
