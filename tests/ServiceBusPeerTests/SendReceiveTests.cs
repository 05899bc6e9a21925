using Azure.Messaging.ServiceBus;

namespace DagMaster.ServiceBusPeerTests;

public sealed class SendReceiveTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SendMessageAsync_WhenReceivedInPeekLock_RoundTripsAllProperties()
    {
        await using var fixture = await PeerFixture.StartAsync();
        var queue = PeerFixture.NewQueueName();
        await using var sender = fixture.Client.CreateSender(queue);
        await using var receiver = fixture.Client.CreateReceiver(queue);

        var sent = new ServiceBusMessage(BinaryData.FromString("""{"hello":"world"}"""))
        {
            MessageId = "m-1",
            Subject = "echo",
            CorrelationId = "corr-1",
            ContentType = "application/json",
            TimeToLive = TimeSpan.FromMinutes(5),
        };
        sent.ApplicationProperties["job_id"] = "job-1";
        sent.ApplicationProperties["attempt"] = 2;
        await sender.SendMessageAsync(sent, TestContext.Current.CancellationToken);

        var received = await receiver.ReceiveMessageAsync(s_wait, TestContext.Current.CancellationToken);

        received.ShouldNotBeNull();
        received.Body.ToString().ShouldBe("""{"hello":"world"}""");
        received.MessageId.ShouldBe("m-1");
        received.Subject.ShouldBe("echo");
        received.CorrelationId.ShouldBe("corr-1");
        received.ContentType.ShouldBe("application/json");
        received.TimeToLive.ShouldBe(TimeSpan.FromMinutes(5));
        received.ApplicationProperties["job_id"].ShouldBe("job-1");
        received.ApplicationProperties["attempt"].ShouldBe(2);
        received.DeliveryCount.ShouldBe(1);
        received.SequenceNumber.ShouldBeGreaterThan(0);
        received.LockToken.ShouldNotBe(Guid.Empty.ToString());
        received.LockedUntil.ShouldBeGreaterThan(DateTimeOffset.UtcNow);
        received.EnqueuedTime.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-1));
        fixture.Peer.GetCounts(queue).Locked.ShouldBe(1);

        await receiver.CompleteMessageAsync(received, TestContext.Current.CancellationToken);

        var counts = fixture.Peer.GetCounts(queue);
        counts.Completed.ShouldBe(1);
        counts.Locked.ShouldBe(0);
        counts.Active.ShouldBe(0);
    }

    [Fact]
    public async Task SendMessagesAsync_WhenBatchOfThree_EachArrivesAsItsOwnMessage()
    {
        await using var fixture = await PeerFixture.StartAsync();
        var queue = PeerFixture.NewQueueName();
        await using var sender = fixture.Client.CreateSender(queue);
        await using var receiver = fixture.Client.CreateReceiver(queue);
        using var batch = await sender.CreateMessageBatchAsync(TestContext.Current.CancellationToken);
        for (var i = 1; i <= 3; i++)
        {
            var message = new ServiceBusMessage(BinaryData.FromString($"body-{i}")) { MessageId = $"m-{i}", Subject = $"s-{i}" };
            message.ApplicationProperties["index"] = i;
            batch.TryAddMessage(message).ShouldBeTrue();
        }

        await sender.SendMessagesAsync(batch, TestContext.Current.CancellationToken);

        fixture.Peer.GetCounts(queue).Accepted.ShouldBe(3);
        var received = await ReceiveAsync(receiver, 3);
        received.Select(m => m.Body.ToString()).ShouldBe(["body-1", "body-2", "body-3"]);
        received.Select(m => m.MessageId).ShouldBe(["m-1", "m-2", "m-3"]);
        received.Select(m => m.Subject).ShouldBe(["s-1", "s-2", "s-3"]);
        received.Select(m => m.ApplicationProperties["index"]).ShouldBe([1, 2, 3]);
        received.Select(m => m.LockToken).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task SendMessagesAsync_WhenListOfMessages_StoresEachMessage()
    {
        await using var fixture = await PeerFixture.StartAsync();
        var queue = PeerFixture.NewQueueName();
        await using var sender = fixture.Client.CreateSender(queue);

        await sender.SendMessagesAsync(
            [new ServiceBusMessage("a") { MessageId = "a" }, new ServiceBusMessage("b") { MessageId = "b" }],
            TestContext.Current.CancellationToken);

        fixture.Peer.GetMessages(queue).Select(m => m.MessageId).ShouldBe(["a", "b"]);
        fixture.Peer.GetMessages(queue).Select(m => System.Text.Encoding.UTF8.GetString(m.Body)).ShouldBe(["a", "b"]);
    }

    [Fact]
    public async Task ReceiveMessageAsync_WhenReceiveAndDelete_RemovesTheMessageWithoutSettlement()
    {
        await using var fixture = await PeerFixture.StartAsync();
        var queue = PeerFixture.NewQueueName();
        await using var sender = fixture.Client.CreateSender(queue);
        await using var receiver = fixture.Client.CreateReceiver(queue, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.ReceiveAndDelete });
        await sender.SendMessageAsync(new ServiceBusMessage("gone") { MessageId = "r-1" }, TestContext.Current.CancellationToken);

        var received = await receiver.ReceiveMessageAsync(s_wait, TestContext.Current.CancellationToken);

        received.ShouldNotBeNull();
        received.Body.ToString().ShouldBe("gone");
        var counts = fixture.Peer.GetCounts(queue);
        counts.Completed.ShouldBe(1);
        counts.Locked.ShouldBe(0);
        counts.Active.ShouldBe(0);
    }

    [Fact]
    public async Task SendMessageAsync_WhenLargerThanMaxMessageSize_IsRefusedWithMessageSizeExceeded()
    {
        await using var fixture = await PeerFixture.StartAsync(new DagMaster.Testing.ServiceBus.ServiceBusPeerOptions { MaxMessageSize = 2048 });
        var queue = PeerFixture.NewQueueName();
        await using var sender = fixture.Client.CreateSender(queue);

        var error = await Should.ThrowAsync<ServiceBusException>(
            () => sender.SendMessageAsync(new ServiceBusMessage(new byte[4096]), TestContext.Current.CancellationToken));

        error.Reason.ShouldBe(ServiceBusFailureReason.MessageSizeExceeded);
        fixture.Peer.GetCounts(queue).Accepted.ShouldBe(0);
        await sender.SendMessageAsync(new ServiceBusMessage(new byte[512]), TestContext.Current.CancellationToken);
        fixture.Peer.GetCounts(queue).Accepted.ShouldBe(1);
    }

    [Fact]
    public async Task PeekMessageAsync_WhenOperationIsNotImplemented_FailsWithNotSupportedInsteadOfHanging()
    {
        await using var fixture = await PeerFixture.StartAsync();
        await using var receiver = fixture.Client.CreateReceiver(PeerFixture.NewQueueName());

        var error = await Should.ThrowAsync<NotSupportedException>(() => receiver.PeekMessageAsync(cancellationToken: TestContext.Current.CancellationToken));

        error.Message.ShouldContain("com.microsoft:peek-message");
    }

    internal static async Task<List<ServiceBusReceivedMessage>> ReceiveAsync(ServiceBusReceiver receiver, int count)
    {
        var received = new List<ServiceBusReceivedMessage>();
        var deadline = DateTime.UtcNow + s_wait;
        while (received.Count < count && DateTime.UtcNow < deadline)
        {
            received.AddRange(await receiver.ReceiveMessagesAsync(count - received.Count, TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken));
        }

        received.Count.ShouldBe(count);
        return received;
    }
}
