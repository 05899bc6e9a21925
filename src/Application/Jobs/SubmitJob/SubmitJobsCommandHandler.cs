using DagMaster.Application.Common.Exceptions;
using DagMaster.Domain.Common;

namespace DagMaster.Application.Jobs.SubmitJob;

public sealed class SubmitJobsCommandHandler(JobSubmitter submitter) : ICommandHandler<SubmitJobsCommand, IReadOnlyList<SubmissionOutcome>>
{
    public async ValueTask<IReadOnlyList<SubmissionOutcome>> Handle(SubmitJobsCommand command, CancellationToken cancellationToken)
    {
        var outcomes = new List<SubmissionOutcome>(command.Submissions.Count);
        foreach (var submission in command.Submissions)
        {
            try
            {
                outcomes.Add(new SubmissionOutcome(await submitter.SubmitAsync(submission, cancellationToken), null));
            }
            catch (Exception ex) when (ex is NotFoundException or ValidationException or BusinessRuleValidationException or ForbiddenException or TooManyRequestsException)
            {
                // Refused before anything was added (JobSubmitter), so the other submissions go on.
                outcomes.Add(new SubmissionOutcome(null, ex));
            }
        }

        return outcomes;
    }
}
