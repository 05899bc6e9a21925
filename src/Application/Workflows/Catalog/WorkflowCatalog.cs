using System.Collections.Concurrent;
using DagMaster.Domain.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.Application.Workflows.Catalog;

/// <summary>
/// Reads registered sources from the database and keeps each parsed version in memory. A registered
/// (id, version) never changes content, so a parsed definition never goes stale. Which version is the latest
/// can change (a reload here or on another instance), so that answer is remembered for one second only:
/// submissions without a version cost no query, and a new version is used everywhere within a second.
/// </summary>
public sealed class WorkflowCatalog(IServiceScopeFactory scopes, IWorkflowDefinitionReader reader, TimeProvider clock) : IWorkflowCatalog
{
    private static readonly TimeSpan LatestFreshFor = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<(string WorkflowId, int Version), (WorkflowDefinition Definition, string Hash)> _parsed = new();
    private readonly ConcurrentDictionary<string, (int Version, long SeenAt)> _latest = new(StringComparer.Ordinal);

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

        if (version is null
            && _latest.TryGetValue(workflowId, out var latest)
            && clock.GetElapsedTime(latest.SeenAt) < LatestFreshFor
            && _parsed.TryGetValue((workflowId, latest.Version), out cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var versions = scope.ServiceProvider.GetRequiredService<IReadModel>().WorkflowVersions
            .Where(w => w.WorkflowId == workflowId);
        versions = version is { } v ? versions.Where(w => w.Version == v) : versions.OrderByDescending(w => w.Version);
        var found = await versions.Select(w => new { w.Version, w.ContentHash }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        if (version is null)
        {
            _latest[workflowId] = (found.Version, clock.GetTimestamp());
        }

        if (_parsed.TryGetValue((workflowId, found.Version), out cached))
        {
            return cached;
        }

        var source = await scope.ServiceProvider.GetRequiredService<IReadModel>().WorkflowVersions
            .Where(w => w.WorkflowId == workflowId && w.Version == found.Version)
            .Select(w => w.Source)
            .SingleAsync(cancellationToken);
        var definition = reader.Read(source).Definition
            ?? throw new InvalidOperationException($"registered workflow '{workflowId}' version {found.Version} no longer parses");
        return _parsed.GetOrAdd((workflowId, found.Version), (definition, found.ContentHash));
    }

    public void ForgetLatest() => _latest.Clear();
}
