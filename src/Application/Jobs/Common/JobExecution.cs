using DagMaster.Application.Common.Exceptions;
using DagMaster.Application.Workflows.Catalog;
using DagMaster.Domain.Jobs;
using DagMaster.Domain.Workflows;

namespace DagMaster.Application.Jobs.Common;

/// <summary>
/// What every job-changing handler does around the domain call: load the job under its row lock with the
/// workflow version it runs, and afterwards hand its new dispatches and withdrawals to the task queue.
/// </summary>
public sealed class JobExecution(IJobRepository jobs, IWorkflowCatalog catalog, ITaskQueue queue)
{
    public async Task<(Job Job, WorkflowDefinition Definition)?> LoadAsync(JobId jobId, CancellationToken cancellationToken)
    {
        var job = await jobs.GetForUpdateAsync(jobId, cancellationToken);
        if (job is null)
        {
            return null;
        }

        var definition = await catalog.FindAsync(job.WorkflowId, job.WorkflowVersion, cancellationToken)
            ?? throw new InvalidOperationException($"job {jobId} runs workflow '{job.WorkflowId}' version {job.WorkflowVersion}, which is not registered");
        return (job, definition);
    }

    public async Task<(Job Job, WorkflowDefinition Definition)> GetAsync(JobId jobId, CancellationToken cancellationToken) =>
        await LoadAsync(jobId, cancellationToken) ?? throw new NotFoundException("Job", jobId.ToString());

    public async Task FlushAsync(Job job, CancellationToken cancellationToken)
    {
        queue.Enqueue(job.TakeDispatches());
        if (job.WithdrawQueuedTasks)
        {
            await queue.WithdrawJobAsync(job.Id, cancellationToken);
        }
    }
}
