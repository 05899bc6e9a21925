using System.Text.Json.Nodes;

namespace DagMaster.Worker.Client;

internal sealed record CompleteRequestBody(JsonObject Output, long DurationMs, string WorkerId);
