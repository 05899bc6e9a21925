using Azure.Messaging.ServiceBus;
using DagMaster.Testing.ServiceBus;

namespace DagMaster.ServiceBusPeerTests;

public sealed class ProcessorTests
{
    [Fact]
    public async Task StartProcessingAsync_WhenHandlerOutlastsTheLock_RenewsItAndCompletesOnce()
    {
        await using var fixture = await PeerFixture.StartAsync();
        var queue = PeerFixture.NewQueueName();
        fixture.Peer.DeclareQueue(queue, new QueueSettings { LockDuration = TimeSpan.FromSeconds(1) });
        await using var sender = fixture.Client.CreateSender(queue);
        await sender.SendMessageAsync(new ServiceBusMessage("long task") { MessageId = "long-1" }, TestContext.Current.CancellationToken);
        var calls = 0;
        var deliveryCounts = new List<int>();
        var errors = new List<Exception>();
        await using var processor = fixture.Client.CreateProcessor(queue, new ServiceBusProcessorOptions
        {
            AutoCompleteMessages = false,
            MaxConcurrentCalls = 1,
            MaxAutoLockRenewalDuration = TimeSpan.FromSeconds(30),
        });
        processor.ProcessMessageAsync += async args =>
        {
            Interlocked.Increment(ref calls);
            lock (deliveryCounts)
            {
                deliveryCounts.Add(args.Message.DeliveryCount);
            }

            // Outlast three lock durations: without renewal the lock would expire and the message come back.
            var until = args.Message.LockedUntil.AddSeconds(2);
            await Waiting.UntilPastAsync(until, "the handler to outlast the first lock");
            await args.CompleteMessageAsync(args.Message, args.CancellationToken);
        };
        processor.ProcessErrorAsync += args =>
        {
            lock (errors)
            {
                errors.Add(args.Exception);
            }

            return Task.CompletedTask;
        };

        await processor.StartProcessingAsync(TestContext.Current.CancellationToken);
        await Waiting.UntilAsync(() => fixture.Peer.GetCounts(queue).Completed == 1, "the message to be completed");
        await processor.StopProcessingAsync(TestContext.Current.CancellationToken);

        Volatile.Read(ref calls).ShouldBe(1);
        deliveryCounts.ShouldBe([1]);
        errors.ShouldBeEmpty();
        var counts = fixture.Peer.GetCounts(queue);
        counts.Abandoned.ShouldBe(0);
        counts.Locked.ShouldBe(0);
        counts.Active.ShouldBe(0);
    }
}
