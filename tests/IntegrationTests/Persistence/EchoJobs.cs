using DagMaster.Application.Workflows.Catalog;
using DagMaster.Domain.Jobs;
using DagMaster.Domain.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.IntegrationTests.Persistence;

/// <summary>Units of work of the persistence tests: an <c>echo_test</c> job added to a scope's repository, not yet committed.</summary>
internal static class EchoJobs
{
    public static async Task<Job> AddAsync(IServiceProvider services, JobSubmission submission, string message, CancellationToken cancellation)
    {
        var catalog = services.GetRequiredService<IWorkflowCatalog>();
        var definition = (await catalog.FindAsync("echo_test", null, cancellation))!;
        var inputs = InputResolution.Resolve(definition, new Dictionary<string, object?> { ["message"] = message }, out var errors);
        errors.ShouldBeEmpty();
        var job = Job.Submit(definition, await catalog.ContentHashAsync(definition.WorkflowId, definition.Version, cancellation),
            inputs, submission, TimeProvider.System);
        services.GetRequiredService<IJobRepository>().Add(job);
        return job;
    }
}
