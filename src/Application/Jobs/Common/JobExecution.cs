using DagMaster.Application.Common.Exceptions;
using DagMaster.Application.Common.Telemetry;
using DagMaster.Application.Workflows.Catalog;
using DagMaster.Domain.Jobs;
using DagMaster.Domain.Workflows;
using Microsoft.Extensions.Logging;

namespace DagMaster.Application.Jobs.Common;

/// <summary>
/// What every job-changing handler does around the domain call: load the job under its row lock with the
/// workflow version it runs, and afterwards hand its new dispatches and withdrawals to the task queue and
/// record its telemetry. Scoped: one command changes one job.
/// </summary>
public sealed partial class JobExecution(
    IJobRepository jobs, IWorkflowCatalog catalog, ITaskQueue queue, TimeProvider clock, ILogger<JobExecution> logger) : IDisposable
{
    private JobStatus _statusBefore;
    private IDisposable? _logScope;

    public async Task<(Job Job, WorkflowDefinition Definition)?> LoadAsync(JobId jobId, ChildSelection children, CancellationToken cancellationToken)
    {
        var job = await jobs.GetForUpdateAsync(jobId, children, cancellationToken);
        if (job is null)
        {
            return null;
        }

        var definition = await catalog.FindAsync(job.WorkflowId, job.WorkflowVersion, cancellationToken)
            ?? throw new InvalidOperationException($"job {jobId} runs workflow '{job.WorkflowId}' version {job.WorkflowVersion}, which is not registered");
        Track(job);
        return (job, definition);
    }

    public async Task<(Job Job, WorkflowDefinition Definition)> GetAsync(JobId jobId, ChildSelection children, CancellationToken cancellationToken) =>
        await LoadAsync(jobId, children, cancellationToken) ?? throw new NotFoundException("Job", jobId.ToString());

    /// <summary>Starts tracking a job that was just created (its status before is pending).</summary>
    public void Track(Job job)
    {
        _statusBefore = job.Status;
        _logScope ??= logger.BeginScope(new Dictionary<string, object?>
        {
            ["job_id"] = job.Id.Value,
            ["workflow_id"] = job.WorkflowId,
            ["correlation_id"] = job.CorrelationId,
        });
    }

    public async Task FlushAsync(Job job, WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        await SupplyDemandsAsync(job, definition, cancellationToken);
        queue.Enqueue(job.TakeDispatches());
        if (job.WithdrawQueuedTasks)
        {
            queue.WithdrawJob(job.Id);
        }

        DagMasterTelemetry.JobChanged(job, _statusBefore);
        if (!_statusBefore.IsTerminal() && job.Status.IsTerminal())
        {
            LogJobEnded(job.Id.Value, job.Status.Text(), job.Error);
        }
    }

    public void Dispose() => _logScope?.Dispose();

    /// <summary>Gives the job the children and outputs it asked for (fan-out refills, fan-in inputs) until it asks no more.</summary>
    private async Task SupplyDemandsAsync(Job job, WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        while (job.TakeDemands() is { Count: > 0 } demands)
        {
            var supplied = false;
            foreach (var demand in demands)
            {
                if (demand.Kind == FanOutDemandKind.ChildOutputs)
                {
                    job.ProvideChildOutputs(demand.FanOutId, await jobs.ReadChildOutputsAsync(job, demand.FanOutId, cancellationToken));
                    supplied = true;
                }
                else
                {
                    supplied |= await jobs.LoadWaitingChildrenAsync(job, demand.FanOutId, demand.Count, cancellationToken) > 0;
                }
            }

            if (!supplied)
            {
                return; // nothing more is stored: the counters and the rows disagree only if a child was removed meanwhile
            }

            job.Resume(definition, clock);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} {Status} {Error}")]
    private partial void LogJobEnded(Guid jobId, string status, string? error);
}
