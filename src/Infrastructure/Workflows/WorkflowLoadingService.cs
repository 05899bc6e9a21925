using DagMaster.Application.Workflows.LoadWorkflows;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DagMaster.Infrastructure.Workflows;

/// <summary>Loads WORKFLOWS_DIR once at start-up; invalid files are logged with their errors and skipped.</summary>
internal sealed partial class WorkflowLoadingService(IServiceScopeFactory scopes, ILogger<WorkflowLoadingService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        LoadWorkflowsResponse response;
        try
        {
            response = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new LoadWorkflowsCommand(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The host still starts so /readyz can say what is wrong; POST /api/v1/workflows/reload retries.
            LogFailed(ex);
            return;
        }

        LogLoaded(response.Registered.Count, response.Unchanged.Count, response.Rejected.Count);
        foreach (var rejected in response.Rejected)
        {
            LogRejected(rejected.File, string.Join("; ", rejected.Errors.Select(e => e.Line is { } line ? $"line {line}: {e.Message}" : e.Message)));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflows loaded: {Registered} registered, {Unchanged} unchanged, {Rejected} rejected")]
    private partial void LogLoaded(int registered, int unchanged, int rejected);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflows could not be loaded at start-up")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Workflow file {File} was not loaded: {Errors}")]
    private partial void LogRejected(string file, string errors);
}
