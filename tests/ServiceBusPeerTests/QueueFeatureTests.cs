using Azure.Messaging.ServiceBus;

namespace DagMaster.ServiceBusPeerTests;

public sealed class QueueFeatureTests
{
    [Fact]
    public async Task SendMessageAsync_WhenMessageIdRepeatsWithinTheWindow_DropsTheDuplicate()
    {
        await using var fixture = await PeerFixture.StartAsync();
        var queue = PeerFixture.NewQueueName();
        await using var sender = fixture.Client.CreateSender(queue);
        await using var receiver = fixture.Client.CreateReceiver(queue);

        await sender.SendMessageAsync(new ServiceBusMessage("first") { MessageId = "task-1:completed" }, TestContext.Current.CancellationToken);
        await sender.SendMessageAsync(new ServiceBusMessage("second") { MessageId = "task-1:completed" }, TestContext.Current.CancellationToken);
        await sender.SendMessageAsync(new ServiceBusMessage("other") { MessageId = "task-2:completed" }, TestContext.Current.CancellationToken);

        var counts = fixture.Peer.GetCounts(queue);
        counts.Accepted.ShouldBe(2);
        counts.DuplicatesDropped.ShouldBe(1);
        var received = await SendReceiveTests.ReceiveAsync(receiver, 2);
        received.Select(m => m.Body.ToString()).ShouldBe(["first", "other"]);
    }

    [Fact]
    public async Task ReceiveMessageAsync_WhenTimeToLivePassed_DoesNotDeliverAndCountsTheExpiry()
    {
        await using var fixture = await PeerFixture.StartAsync();
        var queue = PeerFixture.NewQueueName();
        await using var sender = fixture.Client.CreateSender(queue);
        await using var receiver = fixture.Client.CreateReceiver(queue);

        await sender.SendMessageAsync(new ServiceBusMessage("stale") { TimeToLive = TimeSpan.FromMilliseconds(300) }, TestContext.Current.CancellationToken);
        await sender.SendMessageAsync(new ServiceBusMessage("fresh") { TimeToLive = TimeSpan.FromMinutes(5) }, TestContext.Current.CancellationToken);
        await Waiting.UntilAsync(() => fixture.Peer.GetCounts(queue).Expired == 1, "the short-lived message to expire");

        var received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        received.ShouldNotBeNull().Body.ToString().ShouldBe("fresh");
        (await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken)).ShouldBeNull();
        fixture.Peer.GetCounts(queue).Accepted.ShouldBe(2);
    }

    [Fact]
    public async Task ReceiveMessageAsync_WhenScheduledForLater_DeliversOnlyAfterTheScheduledTime()
    {
        await using var fixture = await PeerFixture.StartAsync();
        var queue = PeerFixture.NewQueueName();
        await using var sender = fixture.Client.CreateSender(queue);
        await using var receiver = fixture.Client.CreateReceiver(queue);
        var at = DateTimeOffset.UtcNow.AddSeconds(2);

        await sender.SendMessageAsync(new ServiceBusMessage("later") { ScheduledEnqueueTime = at }, TestContext.Current.CancellationToken);

        fixture.Peer.GetCounts(queue).Scheduled.ShouldBe(1);
        (await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken)).ShouldBeNull();
        var received = await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        received.ShouldNotBeNull().Body.ToString().ShouldBe("later");
        DateTimeOffset.UtcNow.ShouldBeGreaterThanOrEqualTo(at);
        received.ScheduledEnqueueTime.ShouldBe(at, TimeSpan.FromMilliseconds(1));
    }
}
