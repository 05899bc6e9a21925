using System.Text.Json;

namespace DagMaster.Application.Assets.GetAssetHistory;

public sealed record AssetEventDto(long EventId, string Type, int? VersionOrdinal, JsonElement? Data, string? Actor, DateTimeOffset OccurredAt);
