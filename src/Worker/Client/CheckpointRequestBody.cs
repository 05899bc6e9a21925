using System.Text.Json.Nodes;

namespace DagMaster.Worker.Client;

internal sealed record CheckpointRequestBody(string Phase, JsonNode? State, TaskProgress? Progress);
