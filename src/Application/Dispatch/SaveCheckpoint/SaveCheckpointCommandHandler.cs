namespace DagMaster.Application.Dispatch.SaveCheckpoint;

public sealed class SaveCheckpointCommandHandler(ITaskQueue queue) : ICommandHandler<SaveCheckpointCommand, HeartbeatResult>
{
    public async ValueTask<HeartbeatResult> Handle(SaveCheckpointCommand command, CancellationToken cancellationToken) =>
        await queue.SaveCheckpointAsync(command.TaskId, command.CheckpointJson, command.ProgressJson, cancellationToken);
}
