using System.Text.Json.Nodes;

namespace DagMaster.Worker;

/// <summary>The latest checkpoint an earlier attempt saved: <c>{phase, state, saved_at}</c> on the wire.</summary>
public sealed record TaskCheckpoint(string? Phase, JsonNode? State, DateTimeOffset? SavedAt = null);
