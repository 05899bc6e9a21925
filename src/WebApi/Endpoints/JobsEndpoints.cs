using DagMaster.Application.Jobs.CancelJob;
using DagMaster.Application.Jobs.GetJob;
using DagMaster.Application.Jobs.GetJobEvents;
using DagMaster.Application.Jobs.GetJobNodes;
using DagMaster.Application.Jobs.ListJobs;
using DagMaster.Application.Jobs.RerunJob;
using DagMaster.Application.Jobs.RetryJob;
using DagMaster.Application.Jobs.SubmitJob;
using DagMaster.WebApi.Contracts;
using DagMaster.WebApi.Infrastructure;
using DagMaster.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DagMaster.WebApi.Endpoints;

public static class JobsEndpoints
{
    public static IEndpointRouteBuilder MapJobsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/jobs").WithTags("Jobs").RequireAuthorization(AuthPolicies.Reader);
        group.MapPost("/", SubmitJob).WithName(nameof(SubmitJob)).WithSummary("Submit a job").RequireAuthorization(AuthPolicies.Platform);
        group.MapGet("/", ListJobs).WithName(nameof(ListJobs)).WithSummary("List jobs");
        group.MapGet("/{jobId:guid}", GetJob).WithName(nameof(GetJob)).WithSummary("Get a job with its progress");
        group.MapGet("/{jobId:guid}/nodes", GetJobNodes).WithName(nameof(GetJobNodes)).WithSummary("List a job's node states");
        group.MapGet("/{jobId:guid}/events", GetJobEvents).WithName(nameof(GetJobEvents)).WithSummary("List a job's events");
        group.MapPost("/{jobId:guid}/cancel", CancelJob).WithName(nameof(CancelJob)).WithSummary("Cancel a job").RequireAuthorization(AuthPolicies.Platform);
        group.MapPost("/{jobId:guid}/retry", RetryJob).WithName(nameof(RetryJob)).WithSummary("Retry a failed or cancelled job").RequireAuthorization(AuthPolicies.Operator);
        group.MapPost("/{jobId:guid}/rerun", RerunJob).WithName(nameof(RerunJob)).WithSummary("Rerun a job from a node").RequireAuthorization(AuthPolicies.Operator);
        return app;
    }

    /// <summary>Submits a job: 201 with Location, or 200 with the same job when the Idempotency-Key was seen with the same body.</summary>
    public static async Task<Results<Created<JobDetailsDto>, Ok<JobDetailsDto>>> SubmitJob(
        SubmitJobRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext context,
        JobSubmissions submissions,
        ISender sender,
        CancellationToken cancellationToken)
    {
        var caller = Callers.Of(context);
        var response = await submissions.SubmitAsync(
            new JobSubmissionRequest(request.WorkflowId, request.WorkflowVersion, request.Inputs, request.CorrelationId, request.Priority, request.ExternalRefs, idempotencyKey, caller, Tenant.Of(context)),
            cancellationToken);
        var job = response.Details ?? (await sender.Send(new GetJobQuery(response.JobId), cancellationToken))!;
        return response.Replayed ? TypedResults.Ok(job) : TypedResults.Created($"/api/v1/jobs/{response.JobId}", job);
    }

    /// <summary>Jobs newest first; <c>ref.&lt;key&gt;=&lt;value&gt;</c> filters by B2B refs.</summary>
    public static async Task<Ok<JobPageDto>> ListJobs(
        string? status,
        [FromQuery(Name = "workflow_id")] string? workflowId,
        [FromQuery(Name = "correlation_id")] string? correlationId,
        [FromQuery(Name = "platform_id")] string? platformId,
        [FromQuery(Name = "created_after")] DateTimeOffset? createdAfter,
        [FromQuery(Name = "created_before")] DateTimeOffset? createdBefore,
        int? limit,
        string? cursor,
        HttpContext context,
        ISender sender,
        CancellationToken cancellationToken)
    {
        var refs = context.Request.Query
            .Where(q => q.Key.StartsWith("ref.", StringComparison.Ordinal) && q.Key.Length > 4)
            .ToDictionary(q => q.Key[4..], q => q.Value.ToString(), StringComparer.Ordinal);
        var page = await sender.Send(
            new ListJobsQuery(status, workflowId, correlationId, Tenant.Of(context) ?? platformId, createdAfter, createdBefore, refs.Count > 0 ? refs : null, limit ?? 50, cursor),
            cancellationToken);
        return TypedResults.Ok(page);
    }

    public static async Task<Results<Ok<JobDetailsDto>, ProblemHttpResult>> GetJob(Guid jobId, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        var job = await sender.Send(new GetJobQuery(jobId, Tenant.Of(context)), cancellationToken);
        return job is null ? Problems.NotFound("Job", jobId) : TypedResults.Ok(job);
    }

    public static async Task<Results<Ok<JobNodePageDto>, ProblemHttpResult>> GetJobNodes(
        Guid jobId, int? limit, string? cursor, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        var nodes = await sender.Send(new GetJobNodesQuery(jobId, limit ?? 200, cursor, Tenant.Of(context)), cancellationToken);
        return nodes is null ? Problems.NotFound("Job", jobId) : TypedResults.Ok(nodes);
    }

    public static async Task<Results<Ok<JobEventPageDto>, ProblemHttpResult>> GetJobEvents(
        Guid jobId, long? after, int? limit, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        var events = await sender.Send(new GetJobEventsQuery(jobId, after, limit ?? 500, Tenant.Of(context)), cancellationToken);
        return events is null ? Problems.NotFound("Job", jobId) : TypedResults.Ok(events);
    }

    /// <summary>Retries a failed or cancelled job: failed and cancelled nodes run again, completed ones keep their outputs; 409 otherwise.</summary>
    public static async Task<Ok<JobDetailsDto>> RetryJob(Guid jobId, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new RetryJobCommand(jobId, Callers.Of(context)), cancellationToken);
        return TypedResults.Ok((await sender.Send(new GetJobQuery(jobId), cancellationToken))!);
    }

    /// <summary>Reruns a failed or cancelled job from a node: it and everything downstream run again.</summary>
    public static async Task<Ok<JobDetailsDto>> RerunJob(
        Guid jobId, RerunJobRequest request, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new RerunJobCommand(jobId, request.FromNode, Callers.Of(context)), cancellationToken);
        return TypedResults.Ok((await sender.Send(new GetJobQuery(jobId), cancellationToken))!);
    }

    /// <summary>Cancels a pending or running job; 409 when it has already ended.</summary>
    public static async Task<Ok<JobDetailsDto>> CancelJob(
        Guid jobId, CancelJobRequest? request, HttpContext context, ISender sender, CancellationToken cancellationToken)
    {
        await sender.Send(new CancelJobCommand(jobId, Callers.Of(context), request?.Reason, Tenant.Of(context)), cancellationToken);
        return TypedResults.Ok((await sender.Send(new GetJobQuery(jobId), cancellationToken))!);
    }
}
