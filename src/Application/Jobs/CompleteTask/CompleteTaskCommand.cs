using System.Text.Json;

namespace DagMaster.Application.Jobs.CompleteTask;

/// <summary>A worker's success for one task attempt. Idempotent: repeats and stale attempts change nothing.</summary>
public sealed record CompleteTaskCommand(string TaskId, JsonElement? Output, long? DurationMs, string? WorkerId) : ICommand<TaskResultResponse>;
