using DagMaster.Domain.Platforms;
using Microsoft.Extensions.Time.Testing;

namespace DagMaster.UnitTests.Domain.Platforms;

public sealed class WebhookDeliveryTests
{
    private static readonly TimeSpan[] s_delays = [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60)];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void RecordAttempt_WhenNon2xx_AnswersTheNextDelayUntilTheyAreUsedUp()
    {
        var delivery = WebhookDelivery.Create("ddh", "job.completed", "r1", "{}", _clock);

        delivery.RecordAttempt(500, "HTTP 500", s_delays, _clock).ShouldBe(TimeSpan.FromSeconds(10));
        delivery.RecordAttempt(null, "refused", s_delays, _clock).ShouldBe(TimeSpan.FromSeconds(60));
        delivery.RecordAttempt(503, "HTTP 503", s_delays, _clock).ShouldBeNull();

        delivery.Status.ShouldBe(WebhookDeliveryStatus.Failed);
        delivery.Attempts.ShouldBe(3);
        delivery.LastStatusCode.ShouldBe(503);
    }

    [Fact]
    public void RecordAttempt_When2xx_DeliversAndStopsRetrying()
    {
        var delivery = WebhookDelivery.Create("ddh", "job.completed", "r1", "{}", _clock);
        delivery.RecordAttempt(500, "HTTP 500", s_delays, _clock);

        delivery.RecordAttempt(204, null, s_delays, _clock).ShouldBeNull();

        delivery.Status.ShouldBe(WebhookDeliveryStatus.Delivered);
        delivery.Attempts.ShouldBe(2);
        delivery.NextAttemptAt.ShouldBeNull();
    }
}
