using System.Threading.Channels;
using DagMaster.Application.Common.GroupCommit;

namespace DagMaster.UnitTests.Application.Common;

/// <summary>
/// The batch-taking policy and the failure splitting of <see cref="GroupCommit{TKey, TItem, TOutcome}"/>. Every batch
/// waits until the test answers it, so what each batch holds follows from the order of the test's steps, not from timing.
/// </summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task AddAsync_WhenIdle_AppliesTheItemAtOnce()
    {
        var batches = new Batches();
        var commit = batches.GroupCommit(new GroupCommitLimits(MaxTransactions: 1, MaxKeys: 8, MaxItems: 100, SharedKeyItems: 4));

        var outcome = commit.AddAsync("k1", "a");
        var batch = await batches.NextAsync();

        batch.Shape.ShouldBe("k1:a");
        batch.Commit();
        (await outcome).ShouldBe("a!");
    }

    [Fact]
    public async Task AddAsync_WhenItemsArriveDuringABatch_TakesEverySmallKeyTogetherAndABigKeyAlone()
    {
        var batches = new Batches();
        var commit = batches.GroupCommit(new GroupCommitLimits(MaxTransactions: 1, MaxKeys: 8, MaxItems: 100, SharedKeyItems: 2));
        var first = commit.AddAsync("k0", "x");
        var blocking = await batches.NextAsync();

        string[] items = ["a", "b", "c", "d", "e", "f", "g"];
        string[] keys = ["k1", "k2", "k2", "k3", "k3", "k3", "k4"];
        var outcomes = items.Select((item, i) => commit.AddAsync(keys[i], item)).ToList();
        blocking.Commit();

        var shared = await batches.NextAsync();
        shared.Shape.ShouldBe("k1:a k2:b,c k4:g");
        shared.Commit();
        var alone = await batches.NextAsync();
        alone.Shape.ShouldBe("k3:d,e,f");
        alone.Commit();

        (await first).ShouldBe("x!");
        (await Task.WhenAll(outcomes)).ShouldBe(["a!", "b!", "c!", "d!", "e!", "f!", "g!"]);
    }

    [Fact]
    public async Task AddAsync_WhenMoreKeysWaitThanABatchHolds_TakesTheOldestFirst()
    {
        var batches = new Batches();
        var commit = batches.GroupCommit(new GroupCommitLimits(MaxTransactions: 1, MaxKeys: 2, MaxItems: 100, SharedKeyItems: 4));
        _ = commit.AddAsync("k0", "x");
        var blocking = await batches.NextAsync();

        _ = commit.AddAsync("k1", "a");
        _ = commit.AddAsync("k2", "b");
        var last = commit.AddAsync("k3", "c");
        blocking.Commit();

        var oldest = await batches.NextAsync();
        oldest.Shape.ShouldBe("k1:a k2:b");
        oldest.Commit();
        var newest = await batches.NextAsync();
        newest.Shape.ShouldBe("k3:c");
        newest.Commit();
        (await last).ShouldBe("c!");
    }

    [Fact]
    public async Task AddAsync_WhenAKeyHasMoreItemsThanABatchHolds_TakesItsOldestItemsFirst()
    {
        var batches = new Batches();
        var commit = batches.GroupCommit(new GroupCommitLimits(MaxTransactions: 1, MaxKeys: 8, MaxItems: 3, SharedKeyItems: 1));
        _ = commit.AddAsync("k0", "x");
        var blocking = await batches.NextAsync();

        var outcomes = new[] { "a", "b", "c", "d", "e" }.Select(item => commit.AddAsync("k1", item)).ToList();
        blocking.Commit();

        var oldest = await batches.NextAsync();
        oldest.Shape.ShouldBe("k1:a,b,c");
        oldest.Commit();
        var rest = await batches.NextAsync();
        rest.Shape.ShouldBe("k1:d,e");
        rest.Commit();
        (await Task.WhenAll(outcomes)).ShouldBe(["a!", "b!", "c!", "d!", "e!"]);
    }

    [Fact]
    public async Task AddAsync_WhenMaxTransactionsAreApplying_WaitsUntilOneEnds()
    {
        var batches = new Batches();
        var commit = batches.GroupCommit(new GroupCommitLimits(MaxTransactions: 2, MaxKeys: 8, MaxItems: 100, SharedKeyItems: 4));
        _ = commit.AddAsync("k1", "a");
        var first = await batches.NextAsync();
        _ = commit.AddAsync("k2", "b");
        var second = await batches.NextAsync();
        second.Shape.ShouldBe("k2:b");

        var third = commit.AddAsync("k3", "c");

        batches.AnyWaiting.ShouldBeFalse();
        first.Commit();
        var next = await batches.NextAsync();
        next.Shape.ShouldBe("k3:c");
        next.Commit();
        second.Commit();
        (await third).ShouldBe("c!");
    }

    [Fact]
    public async Task AddAsync_WhenItsKeyIsBeingApplied_WaitsForThatBatchEvenWithATransactionFree()
    {
        var batches = new Batches();
        var commit = batches.GroupCommit(new GroupCommitLimits(MaxTransactions: 2, MaxKeys: 8, MaxItems: 100, SharedKeyItems: 4));
        _ = commit.AddAsync("k1", "a");
        var first = await batches.NextAsync();

        var later = commit.AddAsync("k1", "b");
        _ = commit.AddAsync("k2", "c");
        var other = await batches.NextAsync();

        other.Shape.ShouldBe("k2:c");
        batches.AnyWaiting.ShouldBeFalse();
        first.Commit();
        var next = await batches.NextAsync();
        next.Shape.ShouldBe("k1:b");
        next.Commit();
        other.Commit();
        (await later).ShouldBe("b!");
    }

    [Fact]
    public async Task AddAsync_WhenABatchFails_RetriesEachKeyThenEachItemAlone()
    {
        var batches = new Batches();
        var commit = batches.GroupCommit(new GroupCommitLimits(MaxTransactions: 1, MaxKeys: 8, MaxItems: 100, SharedKeyItems: 4));
        _ = commit.AddAsync("k0", "x");
        var blocking = await batches.NextAsync();
        string[] items = ["a", "bad", "c", "d"];
        string[] keys = ["k1", "k1", "k1", "k2"];
        var outcomes = items.Select((item, i) => commit.AddAsync(keys[i], item)).ToList();
        blocking.Commit();

        var shapes = new List<string>();
        while (shapes.Count < 6)
        {
            var batch = await batches.NextAsync();
            shapes.Add(batch.Shape);
            batch.CommitUnless("bad");
        }

        shapes.ShouldBe(["k1:a,bad,c k2:d", "k1:a,bad,c", "k1:a", "k1:bad", "k1:c", "k2:d"]);
        (await outcomes[0]).ShouldBe("a!");
        (await Should.ThrowAsync<InvalidOperationException>(outcomes[1])).Message.ShouldBe("bad");
        (await outcomes[2]).ShouldBe("c!");
        (await outcomes[3]).ShouldBe("d!");
        batches.AnyWaiting.ShouldBeFalse();
    }

    [Fact]
    public async Task AddAsync_WhenABatchAnswersTooFewOutcomes_FailsItsItemsInsteadOfGuessing()
    {
        var batches = new Batches();
        var commit = batches.GroupCommit(new GroupCommitLimits(MaxTransactions: 1, MaxKeys: 8, MaxItems: 100, SharedKeyItems: 4));

        var outcome = commit.AddAsync("k1", "a");
        (await batches.NextAsync()).Answer([]);

        await Should.ThrowAsync<InvalidOperationException>(outcome);
    }

    /// <summary>The apply delegate: each batch is queued for the test, which answers it.</summary>
    private sealed class Batches
    {
        private readonly Channel<Batch> _started = Channel.CreateUnbounded<Batch>();

        public bool AnyWaiting => _started.Reader.TryPeek(out _);

        public GroupCommit<string, string, string> GroupCommit(GroupCommitLimits limits) => new(limits, ApplyAsync);

        /// <summary>The next batch the group commit started; the timeout only keeps a broken test from hanging.</summary>
        public async Task<Batch> NextAsync()
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            return await _started.Reader.ReadAsync(timeout.Token);
        }

        private Task<IReadOnlyList<IReadOnlyList<string>>> ApplyAsync(IReadOnlyList<KeyedItems<string, string>> keys)
        {
            var batch = new Batch(keys);
            _started.Writer.TryWrite(batch);
            return batch.Outcomes.Task;
        }
    }

    private sealed class Batch(IReadOnlyList<KeyedItems<string, string>> keys)
    {
        public TaskCompletionSource<IReadOnlyList<IReadOnlyList<string>>> Outcomes { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Shape => string.Join(' ', keys.Select(k => $"{k.Key}:{string.Join(',', k.Items)}"));

        public void Commit() => Answer([.. keys.Select(k => (IReadOnlyList<string>)[.. k.Items.Select(i => i + "!")])]);

        public void Answer(IReadOnlyList<IReadOnlyList<string>> outcomes) => Outcomes.SetResult(outcomes);

        /// <summary>Commits, or fails the whole batch when it holds <paramref name="bad"/>.</summary>
        public void CommitUnless(string bad)
        {
            if (keys.Any(k => k.Items.Contains(bad)))
            {
                Outcomes.SetException(new InvalidOperationException(bad));
            }
            else
            {
                Commit();
            }
        }
    }
}
