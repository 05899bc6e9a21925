using Azure.Messaging.ServiceBus;

namespace DagMaster.ServiceBusPeerTests;

public sealed class FaultSwitchTests
{
    [Fact]
    public async Task SendMessageAsync_WhenRefuseSends_ThrowsTransientServerBusyAndStoresNothing()
    {
        await using var fixture = await PeerFixture.StartAsync();
        var queue = PeerFixture.NewQueueName();

        // No retry here: after server-busy the SDK waits 10 s before its next try.
        var retries = PeerFixture.ShortRetries;
        retries.MaxRetries = 0;
        await using var client = new ServiceBusClient(fixture.Peer.ConnectionString, new ServiceBusClientOptions { RetryOptions = retries });
        await using var sender = client.CreateSender(queue);
        fixture.Peer.RefuseSends = true;

        var error = await Should.ThrowAsync<ServiceBusException>(() => sender.SendMessageAsync(new ServiceBusMessage("x"), TestContext.Current.CancellationToken));

        error.IsTransient.ShouldBeTrue();
        error.Reason.ShouldBe(ServiceBusFailureReason.ServiceBusy);
        var counts = fixture.Peer.GetCounts(queue);
        counts.Refused.ShouldBe(1);
        counts.Accepted.ShouldBe(0);

        // The refusing sender now sits out the SDK's 10 s server-busy pause; a new sender is not held back.
        fixture.Peer.RefuseSends = false;
        await using var next = client.CreateSender(queue);
        await next.SendMessageAsync(new ServiceBusMessage("y"), TestContext.Current.CancellationToken);
        fixture.Peer.GetCounts(queue).Accepted.ShouldBe(1);
    }

    [Fact]
    public async Task SendMessageAsync_WhenRefusedWithTimeoutCondition_SameSenderSucceedsOnceSwitchedOff()
    {
        await using var fixture = await PeerFixture.StartAsync();
        var queue = PeerFixture.NewQueueName();
        await using var sender = fixture.Client.CreateSender(queue);
        fixture.Peer.RefusalCondition = "com.microsoft:timeout";
        fixture.Peer.RefuseSends = true;

        var error = await Should.ThrowAsync<ServiceBusException>(() => sender.SendMessageAsync(new ServiceBusMessage("x"), TestContext.Current.CancellationToken));
        error.IsTransient.ShouldBeTrue();
        error.Reason.ShouldBe(ServiceBusFailureReason.ServiceTimeout);

        fixture.Peer.RefuseSends = false;
        await sender.SendMessageAsync(new ServiceBusMessage("y") { MessageId = "after" }, TestContext.Current.CancellationToken);

        fixture.Peer.GetMessages(queue).ShouldHaveSingleItem().MessageId.ShouldBe("after");
    }

    [Fact]
    public async Task SendMessageAsync_WhenDropConnectionOnSend_FailsWithoutStoringAndRecoversAfterwards()
    {
        await using var fixture = await PeerFixture.StartAsync();
        var queue = PeerFixture.NewQueueName();
        await using var sender = fixture.Client.CreateSender(queue);
        await sender.SendMessageAsync(new ServiceBusMessage("before") { MessageId = "before" }, TestContext.Current.CancellationToken);
        fixture.Peer.DropConnectionOnSend = true;

        var error = await Should.ThrowAsync<ServiceBusException>(() => sender.SendMessageAsync(new ServiceBusMessage("lost") { MessageId = "lost" }, TestContext.Current.CancellationToken));

        error.IsTransient.ShouldBeTrue();
        fixture.Peer.ConnectionsDropped.ShouldBeGreaterThanOrEqualTo(1);
        fixture.Peer.GetMessages(queue).Select(m => m.MessageId).ShouldBe(["before"]);
        fixture.Peer.DropConnectionOnSend = false;
        await sender.SendMessageAsync(new ServiceBusMessage("after") { MessageId = "after" }, TestContext.Current.CancellationToken);
        fixture.Peer.GetMessages(queue).Select(m => m.MessageId).ShouldBe(["before", "after"]);
    }

    [Fact]
    public async Task CompleteMessageAsync_WhenRedeliverNextCompletions_DeliversTheMessageOnceMoreWithDeliveryCountTwo()
    {
        await using var fixture = await PeerFixture.StartAsync();
        var queue = PeerFixture.NewQueueName();
        await using var sender = fixture.Client.CreateSender(queue);
        await using var receiver = fixture.Client.CreateReceiver(queue);
        await sender.SendMessageAsync(new ServiceBusMessage("twice") { MessageId = "twice" }, TestContext.Current.CancellationToken);
        fixture.Peer.RedeliverNextCompletions(queue, 1);

        var first = (await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).ShouldNotBeNull();
        await receiver.CompleteMessageAsync(first, TestContext.Current.CancellationToken);
        var second = (await receiver.ReceiveMessageAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).ShouldNotBeNull();
        await receiver.CompleteMessageAsync(second, TestContext.Current.CancellationToken);

        second.MessageId.ShouldBe("twice");
        second.DeliveryCount.ShouldBe(2);
        var counts = fixture.Peer.GetCounts(queue);
        counts.Completed.ShouldBe(1);
        counts.Active.ShouldBe(0);
        (await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken)).ShouldBeNull();
    }
}
