using DagMaster.Application.Jobs.GetJob;
using DagMaster.Application.Jobs.ListJobs;
using DagMaster.Application.Workflows.Catalog;
using DagMaster.Domain.Jobs;
using Mediator;

namespace DagMaster.WebApi.Infrastructure;

/// <summary>
/// Runs the hot paths once at start-up, in memory and read-only, so the first job a user submits does not pay
/// for JIT compilation and EF query compilation: the domain's submit/dispatch/complete path on a shipped
/// workflow, and the job queries.
/// </summary>
internal sealed partial class WarmUpService(IServiceScopeFactory scopes, ILogger<WarmUpService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var catalog = scope.ServiceProvider.GetRequiredService<IWorkflowCatalog>();
            if (await catalog.FindAsync("echo_test", null, stoppingToken) is { } definition)
            {
                var inputs = definition.Inputs.Where(i => i.Required).ToDictionary(i => i.Name, _ => (object?)"warm-up");
                var job = Job.Submit(definition, "warm-up", inputs, new JobSubmission(), TimeProvider.System);
                job.Start(definition, TimeProvider.System);
                foreach (var dispatch in job.TakeDispatches())
                {
                    job.CompleteTask(definition, dispatch.TaskId, "{\"warm\":true}", TimeProvider.System);
                }
            }

            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            await sender.Send(new GetJobQuery(Guid.Empty), stoppingToken);
            await sender.Send(new ListJobsQuery(Limit: 1), stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSkipped(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Warm-up skipped: {Reason}")]
    private partial void LogSkipped(string reason);
}
