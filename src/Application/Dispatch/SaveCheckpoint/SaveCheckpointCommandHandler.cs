namespace DagMaster.Application.Dispatch.SaveCheckpoint;

public sealed class SaveCheckpointCommandHandler(ITaskLeaseStore leases) : ICommandHandler<SaveCheckpointCommand, HeartbeatResult>
{
    public async ValueTask<HeartbeatResult> Handle(SaveCheckpointCommand command, CancellationToken cancellationToken) =>
        await leases.SaveCheckpointAsync(command.TaskId, command.CheckpointJson, command.ProgressJson, cancellationToken);
}
