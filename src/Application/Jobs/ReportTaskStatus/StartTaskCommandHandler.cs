namespace DagMaster.Application.Jobs.ReportTaskStatus;

public sealed class StartTaskCommandHandler(ITaskLeaseStore leases) : ICommandHandler<StartTaskCommand, HeartbeatResult>
{
    public async ValueTask<HeartbeatResult> Handle(StartTaskCommand command, CancellationToken cancellationToken)
    {
        var started = await leases.StartAsync(command.TaskId, command.WorkerId, cancellationToken);
        if (command.ProgressJson is not null && started.Status == HeartbeatStatus.Current)
        {
            await leases.HeartbeatAsync(command.TaskId, command.ProgressJson, cancellationToken);
        }

        return started;
    }
}
