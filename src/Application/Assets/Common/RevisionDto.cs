using System.Text.Json;

namespace DagMaster.Application.Assets.Common;

public sealed record RevisionDto(
    int Revision,
    string RequestId,
    Guid JobId,
    string Status,
    JsonElement? Artifacts,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt);
