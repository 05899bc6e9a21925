using System.Text.Json;

namespace DagMaster.WebApi.Contracts;

public sealed record CheckpointRequest(string? Phase, JsonElement? State, JsonElement? Progress);
