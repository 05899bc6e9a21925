using DagMaster.Domain.Common;

namespace DagMaster.Domain.Platforms;

/// <summary>
/// One callback to a platform, written in the same transaction as the change it reports (an outbox row).
/// Its body is fixed at creation, so every attempt sends — and signs — the same bytes.
/// </summary>
public sealed class WebhookDelivery : Entity, IAggregateRoot
{
    private WebhookDelivery()
    {
        // For EF Core.
    }

    public Guid Id { get; private set; }

    public string PlatformId { get; private set; } = null!;

    /// <summary><c>job.completed</c>, <c>job.failed</c>, <c>job.cancelled</c>, <c>version.approved</c>, <c>version.rejected</c>.</summary>
    public string Event { get; private set; } = null!;

    public string? RequestId { get; private set; }

    public string PayloadJson { get; private set; } = null!;

    public WebhookDeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public int? LastStatusCode { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the delivery was last handed to the background job runner.</summary>
    public DateTimeOffset? EnqueuedAt { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public static WebhookDelivery Create(string platformId, string eventName, string? requestId, string payloadJson, TimeProvider clock) => new()
    {
        Id = Guid.CreateVersion7(),
        PlatformId = platformId,
        Event = eventName,
        RequestId = requestId,
        PayloadJson = payloadJson,
        Status = WebhookDeliveryStatus.Pending,
        CreatedAt = clock.GetUtcNow(),
    };

    public void MarkEnqueued(TimeProvider clock) => EnqueuedAt = clock.GetUtcNow();

    /// <summary>
    /// Records one attempt. A 2xx delivers; otherwise the next delay of <paramref name="retryDelays"/> is answered
    /// (the caller schedules the retry), and once they are used up the delivery has failed for good (null).
    /// </summary>
    public TimeSpan? RecordAttempt(int? statusCode, string? error, IReadOnlyList<TimeSpan> retryDelays, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        Attempts++;
        LastStatusCode = statusCode;
        LastError = error;
        if (statusCode is >= 200 and < 300)
        {
            Status = WebhookDeliveryStatus.Delivered;
            NextAttemptAt = null;
            CompletedAt = now;
            return null;
        }

        if (Attempts <= retryDelays.Count)
        {
            var delay = retryDelays[Attempts - 1];
            NextAttemptAt = now + delay;
            return delay;
        }

        Status = WebhookDeliveryStatus.Failed;
        NextAttemptAt = null;
        CompletedAt = now;
        return null;
    }

    /// <summary>Ends the delivery without an attempt (e.g. the platform has no callback URL any more).</summary>
    public void Abandon(string reason, TimeProvider clock)
    {
        Status = WebhookDeliveryStatus.Failed;
        LastError = reason;
        CompletedAt = clock.GetUtcNow();
    }
}
