using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DagMaster.Application.Common.Exceptions;
using DagMaster.Application.Common.Telemetry;
using DagMaster.Application.Common.Tenants;
using DagMaster.Application.Jobs.Common;
using DagMaster.Application.Jobs.GetJob;
using DagMaster.Application.Workflows.Catalog;
using DagMaster.Domain.Jobs;
using DagMaster.Domain.Workflows;
using DagMaster.Domain.Workflows.Templates;
using FluentValidation.Results;

namespace DagMaster.Application.Jobs.SubmitJob;

/// <summary>
/// Creates the job, its nodes, its first events and its first task dispatches in the unit of work (committed by
/// the caller's pipeline). With an idempotency key, the same body answers the existing job and a different body
/// is a conflict. Every refusal (unknown workflow, bad inputs, idempotency conflict) is thrown before the job is
/// added, so a refused submission leaves the unit of work as it found it. A platform key's submission is held to
/// its platform's policy (<see cref="TenantGuard"/>).
/// </summary>
public sealed class JobSubmitter(
    IWorkflowCatalog catalog,
    IJobRepository jobs,
    JobExecution execution,
    TenantGuard tenants,
    TimeProvider clock)
{
    public async Task<SubmitJobResponse> SubmitAsync(JobSubmissionRequest command, CancellationToken cancellationToken)
    {
        var definition = await catalog.FindAsync(command.WorkflowId, command.WorkflowVersion, cancellationToken)
            ?? throw new NotFoundException("Workflow", command.WorkflowVersion is { } v ? $"{command.WorkflowId}@{v}" : command.WorkflowId);

        var submitted = command.Inputs is { ValueKind: JsonValueKind.Object } inputs
            ? (IReadOnlyDictionary<string, object?>)TemplateValues.FromJson(inputs)!
            : new Dictionary<string, object?>();
        var resolved = InputResolution.Resolve(definition, submitted, out var errors);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.Select(e => new ValidationFailure($"inputs.{e.Input}", e.Message)));
        }

        // Only a key's replay compares bodies, so a submission without a key skips the canonical form and its hash.
        string? requestHash = null;
        if (command.IdempotencyKey is { } key)
        {
            requestHash = RequestHash(command, definition.Version);
            var existing = await jobs.FindByIdempotencyKeyAsync(command.Caller, key, cancellationToken);
            if (existing is not null)
            {
                JobGuards.CheckIdempotentReplay(existing, requestHash);
                return new SubmitJobResponse(existing.Id.Value, Replayed: true);
            }
        }

        if (command.PlatformId is { } platformId)
        {
            await tenants.CheckAsync(platformId, definition.WorkflowId, command.Priority ?? 0, cancellationToken);
        }

        var contentHash = await catalog.ContentHashAsync(definition.WorkflowId, definition.Version, cancellationToken);
        var job = Job.Submit(definition, contentHash, resolved, new JobSubmission(
            command.Priority ?? 0,
            command.CorrelationId,
            command.PlatformId,
            command.ExternalRefs is { ValueKind: JsonValueKind.Object } refs ? refs.GetRawText() : null,
            command.IdempotencyKey is null ? null : command.Caller,
            command.IdempotencyKey,
            requestHash,
            command.Caller), clock);
        execution.Track(job, logScope: false); // submissions share a unit of work (JobSubmissions)
        DagMasterTelemetry.TraceJob(job);
        job.Start(definition, clock);
        jobs.Add(job);
        await execution.FlushAsync(job, definition, cancellationToken);
        DagMasterTelemetry.JobSubmitted(job);
        var counts = job.Nodes.GroupBy(n => n.Status).ToDictionary(g => g.Key, g => g.Count());
        return new SubmitJobResponse(job.Id.Value, Replayed: false, GetJobQueryHandler.Map(job, counts));
    }

    private static string RequestHash(JobSubmissionRequest command, int version)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            workflow_id = command.WorkflowId,
            workflow_version = version,
            inputs = command.Inputs is { } i ? Canonical(i) : null,
            correlation_id = command.CorrelationId,
            priority = command.Priority ?? 0,
            external_refs = command.ExternalRefs is { } r ? Canonical(r) : null,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string Canonical(JsonElement element) => TemplateValues.ToJson(Sorted(TemplateValues.FromJson(element)));

    private static object? Sorted(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => map.OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(e => e.Key, e => Sorted(e.Value), StringComparer.Ordinal),
        IReadOnlyList<object?> list => list.Select(Sorted).ToList(),
        _ => value,
    };
}
