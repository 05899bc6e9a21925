using System.Collections.Concurrent;
using DagMaster.Domain.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.Application.Workflows.Catalog;

/// <summary>
/// Reads registered sources from the database and keeps each parsed version in memory. A registered
/// (id, version) never changes content, so a parsed definition never goes stale.
/// </summary>
public sealed class WorkflowCatalog(IServiceScopeFactory scopes, IWorkflowDefinitionReader reader) : IWorkflowCatalog
{
    private readonly ConcurrentDictionary<(string WorkflowId, int Version), (WorkflowDefinition Definition, string Hash)> _parsed = new();

    public async ValueTask<WorkflowDefinition?> FindAsync(string workflowId, int? version, CancellationToken cancellationToken) =>
        (await FindEntryAsync(workflowId, version, cancellationToken))?.Definition;

    public async ValueTask<string> ContentHashAsync(string workflowId, int version, CancellationToken cancellationToken) =>
        (await FindEntryAsync(workflowId, version, cancellationToken))?.Hash
            ?? throw new InvalidOperationException($"workflow '{workflowId}' version {version} is not registered");

    private async ValueTask<(WorkflowDefinition Definition, string Hash)?> FindEntryAsync(string workflowId, int? version, CancellationToken cancellationToken)
    {
        if (version is { } wanted && _parsed.TryGetValue((workflowId, wanted), out var cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var versions = scope.ServiceProvider.GetRequiredService<IReadModel>().WorkflowVersions
            .Where(w => w.WorkflowId == workflowId);
        versions = version is { } v ? versions.Where(w => w.Version == v) : versions.OrderByDescending(w => w.Version);
        var row = await versions.Select(w => new { w.Version, w.Source, w.ContentHash }).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        if (_parsed.TryGetValue((workflowId, row.Version), out cached))
        {
            return cached;
        }

        var definition = reader.Read(row.Source).Definition
            ?? throw new InvalidOperationException($"registered workflow '{workflowId}' version {row.Version} no longer parses");
        return _parsed.GetOrAdd((workflowId, row.Version), (definition, row.ContentHash));
    }
}
