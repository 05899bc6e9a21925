using DagMaster.Application.Workflows.Catalog;
using DagMaster.Domain.Workflows;
using DagMaster.Domain.Workflows.Rules;

namespace DagMaster.Application.Workflows.LoadWorkflows;

/// <summary>
/// Registers each valid file whose (id, version) is new; a file that is invalid, or that changes an
/// already registered version, is rejected with its reasons and the other files still load.
/// </summary>
public sealed class LoadWorkflowsCommandHandler(
    IWorkflowSource source,
    IWorkflowDefinitionReader reader,
    IWorkflowVersionRepository versions,
    IWorkflowCatalog catalog,
    TimeProvider clock)
    : ICommandHandler<LoadWorkflowsCommand, LoadWorkflowsResponse>
{
    public async ValueTask<LoadWorkflowsResponse> Handle(LoadWorkflowsCommand command, CancellationToken cancellationToken)
    {
        var registered = new List<LoadedWorkflowDto>();
        var unchanged = new List<LoadedWorkflowDto>();
        var rejected = new List<RejectedWorkflowFileDto>();
        var seenThisRun = new Dictionary<(string, int), WorkflowVersion>();

        foreach (var file in source.ReadAll().OrderBy(f => f.FileName, StringComparer.Ordinal))
        {
            var result = reader.Read(file.Content);
            if (result.Definition is not { } definition)
            {
                rejected.Add(new RejectedWorkflowFileDto(file.FileName, result.Errors.Select(WorkflowErrorDto.From).ToList()));
                continue;
            }

            var key = (definition.WorkflowId, definition.Version);
            var loaded = new LoadedWorkflowDto(file.FileName, definition.WorkflowId, definition.Version);
            var existing = seenThisRun.GetValueOrDefault(key)
                ?? await versions.GetAsync(definition.WorkflowId, definition.Version, cancellationToken);
            if (existing is null)
            {
                var version = WorkflowVersion.Register(definition, file.Content, result.ContentHash, file.FileName, clock);
                versions.Add(version);
                seenThisRun[key] = version;
                registered.Add(loaded);
                continue;
            }

            var changed = new RegisteredWorkflowVersionCannotChangeRule(definition.WorkflowId, definition.Version, existing.ContentHash, result.ContentHash);
            if (changed.IsBroken())
            {
                rejected.Add(new RejectedWorkflowFileDto(file.FileName, [new WorkflowErrorDto("workflow.version.changed", changed.Message, null, null)]));
            }
            else
            {
                unchanged.Add(loaded);
            }
        }

        if (registered.Count > 0)
        {
            catalog.ForgetLatest();
        }

        return new LoadWorkflowsResponse(registered, unchanged, rejected);
    }
}
