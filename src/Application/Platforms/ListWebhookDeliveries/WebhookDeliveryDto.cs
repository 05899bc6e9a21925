using System.Text.Json;

namespace DagMaster.Application.Platforms.ListWebhookDeliveries;

public sealed record WebhookDeliveryDto(
    Guid DeliveryId,
    string PlatformId,
    string Event,
    string? RequestId,
    string Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    JsonElement Payload,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? CompletedAt);
