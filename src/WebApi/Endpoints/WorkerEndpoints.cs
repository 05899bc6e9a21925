using System.Text.Json;
using System.Text.Json.Nodes;
using DagMaster.Application.Abstractions;
using DagMaster.Application.Dispatch.ClaimTasks;
using DagMaster.Application.Dispatch.Heartbeat;
using DagMaster.Application.Dispatch.SaveCheckpoint;
using DagMaster.Application.Jobs.ApplyTaskResults;
using DagMaster.Application.Jobs.CompleteTask;
using DagMaster.Application.Jobs.FailTask;
using DagMaster.Application.Jobs.ReportTaskResults;
using DagMaster.WebApi.Contracts;
using DagMaster.WebApi.Infrastructure;
using DagMaster.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DagMaster.WebApi.Endpoints;

/// <summary>The HTTP worker protocol: claim (long poll), heartbeat, checkpoint, complete, fail, and results in bulk.</summary>
public static class WorkerEndpoints
{
    public static IEndpointRouteBuilder MapWorkerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/worker/tasks").WithTags("Worker protocol").RequireAuthorization(AuthPolicies.Worker);
        group.MapPost("/claim", ClaimTasks).WithName(nameof(ClaimTasks)).WithSummary("Claim tasks (long poll)");
        group.MapPost("/{taskId}/heartbeat", Heartbeat).WithName(nameof(Heartbeat)).WithSummary("Extend a task's lease");
        group.MapPost("/{taskId}/checkpoint", SaveCheckpoint).WithName(nameof(SaveCheckpoint)).WithSummary("Save a task checkpoint");
        group.MapPost("/{taskId}/complete", CompleteTask).WithName(nameof(CompleteTask)).WithSummary("Complete a task");
        group.MapPost("/{taskId}/fail", FailTask).WithName(nameof(FailTask)).WithSummary("Fail a task");
        group.MapPost("/results", ReportTaskResults).WithName(nameof(ReportTaskResults)).WithSummary("Report many task results");
        return app;
    }

    /// <summary>200 with the claimed task messages, or 204 when none arrived within wait_seconds.</summary>
    public static async Task<Results<JsonArrayResult, NoContent>> ClaimTasks(ClaimTasksRequest request, ISender sender, CancellationToken cancellationToken)
    {
        var tasks = await sender.Send(
            new ClaimTasksCommand(request.WorkerId, request.Queues ?? [], request.Handlers, request.MaxTasks, request.WaitSeconds),
            cancellationToken);
        return tasks.Count == 0
            ? TypedResults.NoContent()
            : new JsonArrayResult(tasks.Select(t => t.PayloadJson).ToList());
    }

    public static async Task<Results<Ok<HeartbeatResponse>, ProblemHttpResult>> Heartbeat(
        string taskId, HeartbeatRequest? request, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new HeartbeatCommand(taskId, Json(request?.Progress)), cancellationToken);
        return result.Status switch
        {
            HeartbeatStatus.NotFound => Problems.NotFound("Task", taskId),
            HeartbeatStatus.Gone => Problems.Gone(taskId),
            _ => TypedResults.Ok(new HeartbeatResponse(result.LeaseExpiresAt, result.Status == HeartbeatStatus.Cancelled)),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SaveCheckpoint(
        string taskId, CheckpointRequest request, TimeProvider clock, ISender sender, CancellationToken cancellationToken)
    {
        var checkpoint = new JsonObject
        {
            ["phase"] = request.Phase,
            ["state"] = request.State is { } state ? JsonNode.Parse(state.GetRawText()) : null,
            ["saved_at"] = clock.GetUtcNow().ToString("O"),
        };
        var result = await sender.Send(new SaveCheckpointCommand(taskId, checkpoint.ToJsonString(), Json(request.Progress)), cancellationToken);
        return result.Status switch
        {
            HeartbeatStatus.NotFound => Problems.NotFound("Task", taskId),
            HeartbeatStatus.Gone => Problems.Gone(taskId),
            _ => TypedResults.NoContent(),
        };
    }

    /// <summary>Idempotent: a repeat, or a result of an earlier attempt, is acknowledged and changes nothing.</summary>
    public static async Task<NoContent> CompleteTask(string taskId, CompleteTaskRequest request, TaskResults results, CancellationToken cancellationToken)
    {
        await results.CompleteAsync(new TaskCompletionReport(taskId, request.Output, request.DurationMs, request.WorkerId), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> FailTask(string taskId, FailTaskRequest request, TaskResults results, CancellationToken cancellationToken)
    {
        var error = request.Error ?? new TaskErrorRequest("no error given", null);
        await results.FailAsync(new TaskFailureReport(taskId, error.Message, error.Type, error.Retryable, request.DurationMs, request.WorkerId), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Many results in one call, applied together with other workers' results. The call is validated whole
    /// (one bad result refuses all, 400); each result gets its own outcome.
    /// </summary>
    public static async Task<Ok<ReportTaskResultsResponse>> ReportTaskResults(
        ReportTaskResultsRequest request, TaskResults taskResults, CancellationToken cancellationToken)
    {
        var results = (request.Results ?? [])
            .Select(r => new ReportedResult(
                r.TaskId, r.Output, r.Error is { } e ? new ReportedError(e.Message, e.Type, e.Retryable) : null, r.DurationMs))
            .ToList();
        var outcomes = await taskResults.ReportAsync(new TaskResultsReport(results, request.WorkerId), cancellationToken);
        return TypedResults.Ok(new ReportTaskResultsResponse(outcomes.Select(o => new TaskResultOutcome(o.TaskId, o.Outcome)).ToList()));
    }

    private static string? Json(JsonElement? element) =>
        element is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } value ? value.GetRawText() : null;
}
