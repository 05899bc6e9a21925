using System.Text.Json;

namespace DagMaster.WebApi.Contracts;

public sealed record CompleteTaskRequest(JsonElement? Output, long? DurationMs, string? WorkerId);
