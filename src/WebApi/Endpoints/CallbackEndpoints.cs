using System.Text.Json;
using System.Text.Json.Nodes;
using DagMaster.Application.Abstractions;
using DagMaster.Application.Dispatch.Heartbeat;
using DagMaster.Application.Dispatch.SaveCheckpoint;
using DagMaster.Application.Jobs.ApplyTaskResults;
using DagMaster.Application.Jobs.ReportTaskStatus;
using DagMaster.WebApi.Contracts;
using DagMaster.WebApi.Infrastructure;
using DagMaster.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DagMaster.WebApi.Endpoints;

/// <summary>
/// The original system's worker callbacks, with its bodies, so its workers report to DagMaster unchanged. They apply
/// through the same group commit as the worker protocol: only the current attempt's task id changes anything.
/// </summary>
public static class CallbackEndpoints
{
    public static IEndpointRouteBuilder MapCallbackEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/callbacks").WithTags("Original worker callbacks").RequireAuthorization(AuthPolicies.Worker);
        group.MapPost("/task-result", ReportTaskResult).WithName(nameof(ReportTaskResult)).WithSummary("Report a task result (original workers)");
        group.MapPost("/task-progress", ReportTaskProgress).WithName(nameof(ReportTaskProgress)).WithSummary("Report task progress (original workers)");
        group.MapPost("/checkpoint", ReportCheckpoint).WithName(nameof(ReportCheckpoint)).WithSummary("Report a checkpoint (original workers)");
        return app;
    }

    /// <summary>202 for <c>received</c>, <c>running</c>, <c>completed</c> and <c>failed</c>; repeats and stale attempts are acknowledged and change nothing.</summary>
    public static async Task<Accepted<CallbackAcceptedResponse>> ReportTaskResult(
        OriginalTaskResultRequest request, TaskResults results, CancellationToken cancellationToken)
    {
        var taskId = request.TaskId ?? string.Empty;
        await results.ReportStatusAsync(
            new TaskStatusReport(
                taskId, request.Status ?? string.Empty, request.Output, request.ErrorMessage, ErrorType: null, Retryable: true,
                request.ExecutionDurationMs, request.WorkerId,
                Progress(request.ProgressCurrent, request.ProgressTotal, request.ProgressMessage)),
            cancellationToken);
        return TypedResults.Accepted((string?)null, new CallbackAcceptedResponse("accepted", taskId));
    }

    public static async Task<Results<Accepted<CallbackAcceptedResponse>, ProblemHttpResult>> ReportTaskProgress(
        OriginalTaskProgressRequest request, ISender sender, CancellationToken cancellationToken)
    {
        var taskId = request.TaskId ?? string.Empty;
        var result = await sender.Send(
            new HeartbeatCommand(taskId, Progress(request.ProgressCurrent, request.ProgressTotal, request.ProgressMessage)), cancellationToken);
        return Answer(result, taskId, null);
    }

    /// <summary>Kept as the node's checkpoint: the next attempt receives it as <c>checkpoint_phase</c> / <c>checkpoint_data</c>.</summary>
    public static async Task<Results<Accepted<CallbackAcceptedResponse>, ProblemHttpResult>> ReportCheckpoint(
        OriginalCheckpointRequest request, TimeProvider clock, ISender sender, CancellationToken cancellationToken)
    {
        var taskId = request.TaskId ?? string.Empty;
        var checkpointId = Guid.CreateVersion7().ToString();
        var checkpoint = new JsonObject
        {
            ["phase"] = request.PhaseName,
            ["state"] = Node(request.StateData),
            ["saved_at"] = clock.GetUtcNow().ToString("O"),
            ["checkpoint_id"] = checkpointId,
            ["phase_index"] = request.PhaseIndex,
            ["total_phases"] = request.TotalPhases,
            ["progress_current"] = request.ProgressCurrent,
            ["progress_total"] = request.ProgressTotal,
            ["artifacts_completed"] = Node(request.ArtifactsCompleted) ?? new JsonArray(),
            ["error_count"] = request.ErrorCount ?? 0,
            ["memory_usage_mb"] = request.MemoryUsageMb,
            ["disk_usage_mb"] = request.DiskUsageMb,
            ["is_final"] = request.IsFinal ?? false,
        };
        var result = await sender.Send(
            new SaveCheckpointCommand(taskId, checkpoint.ToJsonString(), Progress(request.ProgressCurrent, request.ProgressTotal, request.ProgressMessage)),
            cancellationToken);
        return Answer(result, taskId, checkpointId);
    }

    private static Results<Accepted<CallbackAcceptedResponse>, ProblemHttpResult> Answer(HeartbeatResult result, string taskId, string? checkpointId) =>
        result.Status switch
        {
            HeartbeatStatus.NotFound => Problems.NotFound("Task", taskId),
            HeartbeatStatus.Gone => Problems.Gone(taskId),
            _ => TypedResults.Accepted((string?)null, new CallbackAcceptedResponse("accepted", taskId, checkpointId)),
        };

    private static JsonNode? Node(JsonElement? element) =>
        element is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } value ? JsonNode.Parse(value.GetRawText()) : null;

    private static string? Progress(long? current, long? total, string? message) =>
        current is null && total is null && message is null
            ? null
            : new JsonObject { ["current"] = current, ["total"] = total, ["message"] = message }.ToJsonString();
}
