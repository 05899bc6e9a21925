using System.Text.Json;

namespace DagMaster.Application.Jobs.CompleteTask;

/// <summary>
/// A worker's success for one task attempt, handed to the results' group commit (<see cref="ApplyTaskResults.TaskResults"/>).
/// Idempotent: repeats and stale attempts change nothing.
/// </summary>
public sealed record TaskCompletionReport(string TaskId, JsonElement? Output, long? DurationMs, string? WorkerId);
