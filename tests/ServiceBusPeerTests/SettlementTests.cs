using Azure.Messaging.ServiceBus;
using DagMaster.Testing.ServiceBus;

namespace DagMaster.ServiceBusPeerTests;

public sealed class SettlementTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AbandonMessageAsync_WhenAbandoned_IsDeliveredAgainWithDeliveryCountTwo()
    {
        await using var fixture = await PeerFixture.StartAsync();
        var queue = PeerFixture.NewQueueName();
        await using var receiver = await SendOneAsync(fixture, queue, "again");
        var first = await ReceiveAsync(receiver);

        await receiver.AbandonMessageAsync(first, new Dictionary<string, object> { ["reason"] = "busy" }, TestContext.Current.CancellationToken);
        var second = await ReceiveAsync(receiver);

        second.MessageId.ShouldBe("again");
        second.DeliveryCount.ShouldBe(2);
        second.ApplicationProperties["reason"].ShouldBe("busy");
        second.LockToken.ShouldNotBe(first.LockToken);
        fixture.Peer.GetCounts(queue).Abandoned.ShouldBe(1);
    }

    [Fact]
    public async Task DeadLetterMessageAsync_WhenDeadLettered_IsReceivableFromTheDeadLetterQueueWithReason()
    {
        await using var fixture = await PeerFixture.StartAsync();
        var queue = PeerFixture.NewQueueName();
        await using var receiver = await SendOneAsync(fixture, queue, "poison");
        var message = await ReceiveAsync(receiver);

        await receiver.DeadLetterMessageAsync(message, "invalid_task_message", "no task_id", TestContext.Current.CancellationToken);

        fixture.Peer.GetCounts(queue).DeadLettered.ShouldBe(1);
        fixture.Peer.GetMessages(queue).ShouldBeEmpty();
        var stored = fixture.Peer.GetDeadLetteredMessages(queue).ShouldHaveSingleItem();
        stored.DeadLetterReason.ShouldBe("invalid_task_message");
        stored.DeadLetterErrorDescription.ShouldBe("no task_id");
        await using var deadLetters = fixture.Client.CreateReceiver(queue, new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var dead = await ReceiveAsync(deadLetters);
        dead.MessageId.ShouldBe("poison");
        dead.Body.ToString().ShouldBe("body of poison");
        dead.DeadLetterReason.ShouldBe("invalid_task_message");
        dead.DeadLetterErrorDescription.ShouldBe("no task_id");
        dead.DeadLetterSource.ShouldBe(queue);
        await deadLetters.CompleteMessageAsync(dead, TestContext.Current.CancellationToken);
        fixture.Peer.GetDeadLetteredMessages(queue).ShouldBeEmpty();
    }

    [Fact]
    public async Task ReceiveMessageAsync_WhenLockExpires_DeliversAgainWithDeliveryCountTwoAndOldLockIsLost()
    {
        await using var fixture = await PeerFixture.StartAsync();
        var queue = PeerFixture.NewQueueName();
        fixture.Peer.DeclareQueue(queue, new QueueSettings { LockDuration = TimeSpan.FromSeconds(1) });
        await using var receiver = await SendOneAsync(fixture, queue, "slow");
        var first = await ReceiveAsync(receiver);
        first.LockedUntil.ShouldBeLessThan(DateTimeOffset.UtcNow.AddSeconds(2));

        var second = await ReceiveAsync(receiver);

        second.DeliveryCount.ShouldBe(2);
        second.SequenceNumber.ShouldBe(first.SequenceNumber);
        var lost = await Should.ThrowAsync<ServiceBusException>(() => receiver.CompleteMessageAsync(first, TestContext.Current.CancellationToken));
        lost.Reason.ShouldBe(ServiceBusFailureReason.MessageLockLost);
        await receiver.CompleteMessageAsync(second, TestContext.Current.CancellationToken);
        fixture.Peer.GetCounts(queue).Completed.ShouldBe(1);
    }

    [Fact]
    public async Task AbandonMessageAsync_WhenMaxDeliveryCountReached_MovesTheMessageToTheDeadLetterQueue()
    {
        await using var fixture = await PeerFixture.StartAsync();
        var queue = PeerFixture.NewQueueName();
        fixture.Peer.DeclareQueue(queue, new QueueSettings { MaxDeliveryCount = 2 });
        await using var receiver = await SendOneAsync(fixture, queue, "flaky");

        await receiver.AbandonMessageAsync(await ReceiveAsync(receiver), cancellationToken: TestContext.Current.CancellationToken);
        var second = await ReceiveAsync(receiver);
        second.DeliveryCount.ShouldBe(2);
        await receiver.AbandonMessageAsync(second, cancellationToken: TestContext.Current.CancellationToken);

        (await receiver.ReceiveMessageAsync(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken)).ShouldBeNull();
        var dead = fixture.Peer.GetDeadLetteredMessages(queue).ShouldHaveSingleItem();
        dead.MessageId.ShouldBe("flaky");
        dead.DeadLetterReason.ShouldBe("MaxDeliveryCountExceeded");
        dead.DeliveryCount.ShouldBe(2);
    }

    [Fact]
    public async Task RenewMessageLockAsync_WhenRenewed_KeepsTheLockPastItsFirstExpiry()
    {
        await using var fixture = await PeerFixture.StartAsync();
        var queue = PeerFixture.NewQueueName();
        fixture.Peer.DeclareQueue(queue, new QueueSettings { LockDuration = TimeSpan.FromSeconds(2) });
        await using var receiver = await SendOneAsync(fixture, queue, "long");
        var message = await ReceiveAsync(receiver);
        var firstExpiry = message.LockedUntil;

        await Waiting.UntilPastAsync(firstExpiry - TimeSpan.FromSeconds(1), "half of the lock to pass");
        await receiver.RenewMessageLockAsync(message, TestContext.Current.CancellationToken);
        message.LockedUntil.ShouldBeGreaterThan(firstExpiry);
        await Waiting.UntilPastAsync(firstExpiry + TimeSpan.FromMilliseconds(300), "the first lock to expire");

        fixture.Peer.GetCounts(queue).Locked.ShouldBe(1);
        await receiver.CompleteMessageAsync(message, TestContext.Current.CancellationToken);
        fixture.Peer.GetCounts(queue).Completed.ShouldBe(1);
        fixture.Peer.GetCounts(queue).Abandoned.ShouldBe(0);
    }

    private static async Task<ServiceBusReceiver> SendOneAsync(PeerFixture fixture, string queue, string messageId)
    {
        await using var sender = fixture.Client.CreateSender(queue);
        await sender.SendMessageAsync(new ServiceBusMessage($"body of {messageId}") { MessageId = messageId }, TestContext.Current.CancellationToken);
        return fixture.Client.CreateReceiver(queue);
    }

    private static async Task<ServiceBusReceivedMessage> ReceiveAsync(ServiceBusReceiver receiver) =>
        (await receiver.ReceiveMessageAsync(s_wait, TestContext.Current.CancellationToken)).ShouldNotBeNull();
}
