using System.Text.Json.Nodes;

namespace DagMaster.WorkerTests.TestSupport;

internal sealed record SavedCheckpoint(string Phase, JsonNode? State);
