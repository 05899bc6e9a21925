using DagMaster.Application.Jobs.Common;
using DagMaster.Domain.Jobs;
using DagMaster.Domain.Workflows;
using FluentValidation.Results;

namespace DagMaster.Application.Jobs.RerunJob;

public sealed class RerunJobCommandHandler(JobExecution execution, TimeProvider clock) : ICommandHandler<RerunJobCommand>
{
    public async ValueTask<Unit> Handle(RerunJobCommand command, CancellationToken cancellationToken)
    {
        var (job, definition) = await execution.GetAsync(new JobId(command.JobId), ChildSelection.Every, cancellationToken);
        if (!definition.TryGetNode(command.FromNode, out var node) || node.Type == NodeType.Start)
        {
            throw new ValidationException([new ValidationFailure(
                "from_node",
                $"'{command.FromNode}' is not a node of workflow '{definition.WorkflowId}' version {definition.Version} that can be rerun")]);
        }

        job.Rerun(definition, command.FromNode, command.Actor, clock);
        await execution.FlushAsync(job, definition, cancellationToken);
        return Unit.Value;
    }
}
