namespace DagMaster.Application.Jobs.SubmitJob;

/// <summary>A validated submission joins the group commit (<see cref="JobSubmissionBatcher"/>).</summary>
public sealed class SubmitJobCommandHandler(JobSubmissionBatcher batcher) : ICommandHandler<SubmitJobCommand, SubmitJobResponse>
{
    public async ValueTask<SubmitJobResponse> Handle(SubmitJobCommand command, CancellationToken cancellationToken) =>
        await batcher.SubmitAsync(command);
}
