using System.Text.Json;
using DagMaster.Application.Common.Exceptions;
using DagMaster.Application.Common.Telemetry;
using DagMaster.Application.Common.Tenants;
using DagMaster.Application.Jobs.Common;
using DagMaster.Application.Workflows.Catalog;
using DagMaster.Domain.Assets;
using DagMaster.Domain.Jobs;
using DagMaster.Domain.Platforms;
using DagMaster.Domain.Workflows;
using DagMaster.Domain.Workflows.Templates;
using FluentValidation.Results;

namespace DagMaster.Application.Assets.SubmitAsset;

public sealed class SubmitAssetCommandHandler(
    IPlatformRepository platforms,
    IAssetRepository assets,
    IWorkflowCatalog catalog,
    IJobRepository jobs,
    JobExecution execution,
    TenantGuard tenants,
    TimeProvider clock)
    : ICommandHandler<SubmitAssetCommand, SubmissionResponse>
{
    public async ValueTask<SubmissionResponse> Handle(SubmitAssetCommand command, CancellationToken cancellationToken)
    {
        var platform = await platforms.GetAsync(command.PlatformId, cancellationToken) ?? throw new NotFoundException("Platform", command.PlatformId);
        var workflowId = platform.WorkflowFor(command.Kind!);
        var requestId = command.RequestId ?? Guid.CreateVersion7().ToString();
        if (await assets.FindRequestAsync(platform.Id, requestId, cancellationToken) is { } seen)
        {
            var earlier = (await assets.GetForUpdateAsync(seen.AssetId, cancellationToken))!;
            var revision = earlier.Versions.SelectMany(v => v.Revisions).Single(r => r.JobId == seen.JobId);
            return Response(requestId, earlier, revision, replayed: true);
        }

        var refs = command.Refs!.Value.EnumerateObject()
            .ToDictionary(p => p.Name, p => (string?)(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()), StringComparer.Ordinal);
        var errors = platform.MissingRefs(refs)
            .Select(r => new ValidationFailure($"refs.{r}", $"platform '{platform.Id}' requires the ref '{r}'"))
            .ToList();
        var definition = workflowId is null ? null : await catalog.FindAsync(workflowId, null, cancellationToken);
        if (workflowId is null)
        {
            errors.Add(new ValidationFailure("kind", $"platform '{platform.Id}' has no workflow for kind '{command.Kind}' (known: {string.Join(", ", platform.Workflows.Keys)})"));
        }
        else if (definition is null)
        {
            errors.Add(new ValidationFailure("kind", $"kind '{command.Kind}' maps to workflow '{workflowId}', which is not registered"));
        }

        var resolved = definition is null ? null : ResolveInputs(definition, command.Inputs, errors);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        if (command.ByPlatformKey)
        {
            await tenants.CheckAsync(platform.Id, workflowId: null, command.Priority ?? 0, cancellationToken);
        }

        var label = command.VersionLabel ?? (platform.VersionRef is { } versionRef ? refs.GetValueOrDefault(versionRef) : null);
        var identity = platform.RequiredRefs.ToDictionary(r => r, r => refs[r]!, StringComparer.Ordinal);
        var assetId = AssetId.For(platform.Id, identity);
        var asset = await assets.GetForUpdateAsync(assetId, cancellationToken);
        if (asset is null)
        {
            asset = GeospatialAsset.Create(platform.Id, identity, clock);
            assets.Add(asset);
        }

        var contentHash = await catalog.ContentHashAsync(definition!.WorkflowId, definition.Version, cancellationToken);
        var job = Job.Submit(definition, contentHash, resolved!, new JobSubmission(
            command.Priority ?? 0,
            CorrelationId: requestId,
            PlatformId: platform.Id,
            ExternalRefsJson: JsonSerializer.Serialize(refs),
            SubmittedBy: command.Caller), clock);
        var started = asset.Submit(label, requestId, job.Id.Value, clock);
        execution.Track(job);
        DagMasterTelemetry.TraceJob(job);
        job.Start(definition, clock);
        jobs.Add(job);
        await execution.FlushAsync(job, definition, cancellationToken);
        DagMasterTelemetry.JobSubmitted(job);
        return Response(requestId, asset, started, replayed: false);
    }

    private static IReadOnlyDictionary<string, object?> ResolveInputs(WorkflowDefinition definition, JsonElement? inputs, List<ValidationFailure> errors)
    {
        var submitted = inputs is { ValueKind: JsonValueKind.Object } given
            ? (IReadOnlyDictionary<string, object?>)TemplateValues.FromJson(given)!
            : new Dictionary<string, object?>();
        var resolved = InputResolution.Resolve(definition, submitted, out var inputErrors);
        errors.AddRange(inputErrors.Select(e => new ValidationFailure($"inputs.{e.Input}", e.Message)));
        return resolved;
    }

    private static SubmissionResponse Response(string requestId, GeospatialAsset asset, Revision revision, bool replayed) => new(
        requestId,
        asset.Id.Value,
        asset.VersionOf(revision).Ordinal,
        revision.Number,
        revision.JobId,
        "accepted",
        $"/api/v1/platforms/{asset.PlatformId}/requests/{Uri.EscapeDataString(requestId)}",
        replayed);
}
