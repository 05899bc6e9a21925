using System.Text.Json;

namespace DagMaster.WebApi.Contracts;

/// <summary>Several results in one call: a result with <c>error</c> is a failure, any other a completion.</summary>
public sealed record ReportTaskResultsRequest(IReadOnlyList<TaskResultRequest>? Results, string? WorkerId);

public sealed record TaskResultRequest(string TaskId, JsonElement? Output, TaskErrorRequest? Error, long? DurationMs);

public sealed record ReportTaskResultsResponse(IReadOnlyList<TaskResultOutcome> Results);

/// <summary><c>outcome</c>: applied, stale (an earlier attempt), ignored (already finished) or not_found.</summary>
public sealed record TaskResultOutcome(string TaskId, string Outcome);
