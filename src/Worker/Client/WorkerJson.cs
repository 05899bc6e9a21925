using System.Text.Json;
using System.Text.Json.Serialization;

namespace DagMaster.Worker.Client;

/// <summary>The protocol's JSON conventions: snake_case names, nulls left out of requests.</summary>
internal static class WorkerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
