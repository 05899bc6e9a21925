using System.Text.Json;

namespace DagMaster.Application.Jobs.Common;

internal static class JsonValues
{
    public static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
