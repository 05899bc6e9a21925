using DagMaster.Application.Common.Exceptions;
using DagMaster.Application.Common.Telemetry;
using DagMaster.Application.Workflows.Catalog;
using DagMaster.Domain.Jobs;
using DagMaster.Domain.Workflows;
using Microsoft.Extensions.Logging;

namespace DagMaster.Application.Jobs.Common;

/// <summary>
/// What every job-changing handler does around the domain call: load the job under its row lock with the
/// workflow version it runs, and afterwards hand its new dispatches and withdrawals to the task dispatcher and
/// record its telemetry. Scoped: one command changes one job, or several when results for many jobs are
/// applied together.
/// </summary>
public sealed partial class JobExecution(
    IJobRepository jobs,
    IWorkflowCatalog catalog,
    ITaskDispatcher dispatcher,
    FanOutLimits fanOutLimits,
    TimeProvider clock,
    ILogger<JobExecution> logger) : IDisposable
{
    private readonly Dictionary<JobId, JobStatus> _statusBefore = [];
    private IDisposable? _logScope;

    public async Task<(Job Job, WorkflowDefinition Definition)?> LoadAsync(JobId jobId, ChildSelection children, CancellationToken cancellationToken)
    {
        var job = await jobs.GetForUpdateAsync(jobId, children, cancellationToken);
        if (job is null)
        {
            return null;
        }

        var definition = await DefinitionOfAsync(job, cancellationToken);
        Track(job);
        return (job, definition);
    }

    /// <summary>Loads several jobs under their row locks with the named children; a job that does not exist is a 404.</summary>
    public async Task<IReadOnlyDictionary<JobId, (Job Job, WorkflowDefinition Definition)>> GetManyAsync(
        IReadOnlyCollection<JobId> jobIds, IReadOnlyCollection<(JobId JobId, string NodeId)> children, CancellationToken cancellationToken)
    {
        var loaded = new Dictionary<JobId, (Job, WorkflowDefinition)>();
        foreach (var job in await jobs.GetManyForUpdateAsync(jobIds, children, cancellationToken))
        {
            loaded[job.Id] = (job, await DefinitionOfAsync(job, cancellationToken));
            _statusBefore[job.Id] = job.Status;
            job.UseLimits(fanOutLimits);
        }

        var missing = jobIds.Where(id => !loaded.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            throw new NotFoundException("Job", missing[0].ToString());
        }

        return loaded;
    }

    private async Task<WorkflowDefinition> DefinitionOfAsync(Job job, CancellationToken cancellationToken) =>
        await catalog.FindAsync(job.WorkflowId, job.WorkflowVersion, cancellationToken)
            ?? throw new InvalidOperationException($"job {job.Id} runs workflow '{job.WorkflowId}' version {job.WorkflowVersion}, which is not registered");

    public async Task<(Job Job, WorkflowDefinition Definition)> GetAsync(JobId jobId, ChildSelection children, CancellationToken cancellationToken) =>
        await LoadAsync(jobId, children, cancellationToken) ?? throw new NotFoundException("Job", jobId.ToString());

    /// <summary>
    /// Starts tracking a job that was just created (its status before is pending). <paramref name="logScope"/>:
    /// this unit of work is about this one job, so its log lines carry the job's id.
    /// </summary>
    public void Track(Job job, bool logScope = true)
    {
        _statusBefore[job.Id] = job.Status;
        job.UseLimits(fanOutLimits);
        if (!logScope)
        {
            return;
        }

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
        dispatcher.Dispatch(job.TakeDispatches());
        if (job.WithdrawQueuedTasks)
        {
            dispatcher.WithdrawJob(job.Id);
        }

        var statusBefore = _statusBefore.GetValueOrDefault(job.Id, job.Status);
        DagMasterTelemetry.JobChanged(job, statusBefore);
        if (!statusBefore.IsTerminal() && job.Status.IsTerminal())
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
