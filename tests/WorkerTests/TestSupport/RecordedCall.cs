using System.Text.Json.Nodes;

namespace DagMaster.WorkerTests.TestSupport;

/// <summary>A worker call the fake DagMaster received: <c>claim</c>, <c>heartbeat</c>, <c>checkpoint</c>, <c>complete</c>, <c>fail</c> or <c>results</c>.</summary>
internal sealed record RecordedCall(string Call, string? TaskId, JsonObject Body, int Status);
