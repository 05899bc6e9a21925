using DagMaster.Application.Abstractions;
using DagMaster.Infrastructure.Dispatch.Postgres;

namespace DagMaster.UnitTests.Infrastructure.Dispatch;

/// <summary>Claims of the same queues take turns in an instance; claims of other queues do not wait for them.</summary>
public sealed class ClaimLanesTests
{
    private static CancellationToken Test => TestContext.Current.CancellationToken;

    private static ClaimRequest Claim(params string[] queues) => new("worker-1", queues, null, 10);

    private static Task<IDisposable> Entered(Task<IDisposable> turn) => turn.WaitAsync(TimeSpan.FromSeconds(5), Test);

    [Fact]
    public async Task A_claim_of_the_same_queues_waits_until_the_one_before_it_has_left()
    {
        var lanes = new ClaimLanes();
        var first = await lanes.EnterAsync(Claim("tiles"), Test);

        var second = lanes.EnterAsync(Claim("tiles"), Test);
        await Task.Delay(50, Test);
        second.IsCompleted.ShouldBeFalse();

        first.Dispose();
        (await Entered(second)).Dispose();
    }

    [Fact]
    public async Task A_claim_of_other_queues_does_not_wait()
    {
        var lanes = new ClaimLanes();
        var busy = Claim("tiles");
        var other = Enumerable.Range(0, 1000).Select(i => Claim($"queue-{i}"))
            .First(c => ClaimLanes.LaneOf(c) != ClaimLanes.LaneOf(busy));
        using var first = await lanes.EnterAsync(busy, Test);

        var second = lanes.EnterAsync(other, Test);

        second.IsCompletedSuccessfully.ShouldBeTrue();
        (await second).Dispose();
    }

    [Fact]
    public async Task Leaving_twice_lets_only_one_waiting_claim_in()
    {
        var lanes = new ClaimLanes();
        var first = await lanes.EnterAsync(Claim("tiles"), Test);
        var second = lanes.EnterAsync(Claim("tiles"), Test);
        var third = lanes.EnterAsync(Claim("tiles"), Test);

        first.Dispose();
        first.Dispose();
        var secondTurn = await Entered(second);
        await Task.Delay(50, Test);

        third.IsCompleted.ShouldBeFalse();
        secondTurn.Dispose();
        (await Entered(third)).Dispose();
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_the_lane_to_the_others()
    {
        var lanes = new ClaimLanes();
        var first = await lanes.EnterAsync(Claim("tiles"), Test);
        using var stop = new CancellationTokenSource();
        var cancelled = lanes.EnterAsync(Claim("tiles"), stop.Token);

        await stop.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => cancelled);
        first.Dispose();

        (await Entered(lanes.EnterAsync(Claim("tiles"), Test))).Dispose();
    }
}
