using System.Text.Json;

namespace DagMaster.Application.Jobs.ReportTaskResults;

/// <summary>
/// A worker's results for several task attempts in one call: each is a failure when it has an <see cref="ReportedResult.Error"/>,
/// otherwise a completion with its <see cref="ReportedResult.Output"/>, idempotent like the single calls. One outcome per result, in order.
/// </summary>
public sealed record TaskResultsReport(IReadOnlyList<ReportedResult> Results, string? WorkerId);

public sealed record ReportedResult(string TaskId, JsonElement? Output, ReportedError? Error, long? DurationMs);

public sealed record ReportedError(string Message, string? Type, bool Retryable);

/// <summary><see cref="Outcome"/>: applied, stale, ignored, or not_found for a task id that names no job.</summary>
public sealed record ReportedOutcome(string TaskId, string Outcome);
