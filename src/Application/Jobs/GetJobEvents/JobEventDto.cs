using System.Text.Json;

namespace DagMaster.Application.Jobs.GetJobEvents;

public sealed record JobEventDto(long Id, string Type, string? NodeId, JsonElement? Data, string? Actor, DateTimeOffset OccurredAt);
