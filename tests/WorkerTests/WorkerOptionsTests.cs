using DagMaster.Worker;

namespace DagMaster.WorkerTests;

public sealed class WorkerOptionsTests
{
    [Fact]
    public void Constructor_WhenNothingSet_UsesTheDocumentedDefaults()
    {
        var options = new WorkerOptions();

        options.BaseUrl.ShouldBe(new Uri("http://127.0.0.1:8080"));
        options.WorkerId.ShouldBe($"{Environment.MachineName}-{Environment.ProcessId}");
        options.Queues.ShouldBe(["dag-worker-tasks", "functionapp-tasks", "container-tasks"]);
        options.MaxConcurrency.ShouldBe(4);
        options.ClaimWaitSeconds.ShouldBe(20);
        options.HeartbeatInterval.ShouldBe(TimeSpan.FromSeconds(15));
        options.DrainTimeout.ShouldBe(TimeSpan.FromSeconds(30));
        options.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Validate_WhenValuesOutOfRange_ListsEveryProblem()
    {
        var options = new WorkerOptions
        {
            BaseUrl = new Uri("ftp://example.org"),
            WorkerId = " ",
            Queues = [],
            MaxConcurrency = 0,
            ClaimWaitSeconds = 31,
            HeartbeatInterval = TimeSpan.Zero,
        };

        options.Validate().Count.ShouldBe(6);
        Should.Throw<InvalidOperationException>(options.EnsureValid).Message.ShouldContain("MaxConcurrency");
    }

    [Fact]
    public void RetryDelayAfter_WhenFailuresRepeat_DoublesUpToTheMaximum()
    {
        var options = new WorkerOptions { RetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(5) };

        Enumerable.Range(1, 5).Select(options.RetryDelayAfter).ShouldBe(
            [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)]);
    }
}
