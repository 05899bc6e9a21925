using DagMaster.Domain.Jobs;

namespace DagMaster.UnitTests.Domain.Jobs;

public sealed class StatusTransitionsTests
{
    // engine.md, "Status machines". Pending → failed/cancelled: a job can be cancelled (or fail to start)
    // before it is first evaluated.
    private static readonly (JobStatus From, JobStatus To)[] s_legalJobEdges =
    [
        (JobStatus.Pending, JobStatus.Running),
        (JobStatus.Pending, JobStatus.Failed),
        (JobStatus.Pending, JobStatus.Cancelled),
        (JobStatus.Running, JobStatus.Completed),
        (JobStatus.Running, JobStatus.Failed),
        (JobStatus.Running, JobStatus.Cancelled),
        (JobStatus.Failed, JobStatus.Running),
        (JobStatus.Cancelled, JobStatus.Running),
    ];

    // Ready → completed/failed: start, end and conditionals complete in the orchestrator, a template error
    // fails a ready node. Dispatched → completed/failed: the claim happens outside the aggregate.
    // Failed → cancelled: a failed node with a scheduled retry is cancelled with its job.
    private static readonly (NodeStatus From, NodeStatus To)[] s_legalNodeEdges =
    [
        (NodeStatus.Pending, NodeStatus.Ready),
        (NodeStatus.Pending, NodeStatus.Skipped),
        (NodeStatus.Pending, NodeStatus.Cancelled),
        (NodeStatus.Ready, NodeStatus.Dispatched),
        (NodeStatus.Ready, NodeStatus.Completed),
        (NodeStatus.Ready, NodeStatus.Failed),
        (NodeStatus.Ready, NodeStatus.Cancelled),
        (NodeStatus.Dispatched, NodeStatus.Running),
        (NodeStatus.Dispatched, NodeStatus.Completed),
        (NodeStatus.Dispatched, NodeStatus.Failed),
        (NodeStatus.Dispatched, NodeStatus.Cancelled),
        (NodeStatus.Running, NodeStatus.Completed),
        (NodeStatus.Running, NodeStatus.Failed),
        (NodeStatus.Running, NodeStatus.Cancelled),
        (NodeStatus.Failed, NodeStatus.Ready),
        (NodeStatus.Failed, NodeStatus.Cancelled),
    ];

    public static TheoryData<JobStatus, JobStatus> LegalJobEdges() => ToTheoryData(s_legalJobEdges);

    public static TheoryData<JobStatus, JobStatus> IllegalJobEdges() => ToTheoryData(AllPairs<JobStatus>().Except(s_legalJobEdges));

    public static TheoryData<NodeStatus, NodeStatus> LegalNodeEdges() => ToTheoryData(s_legalNodeEdges);

    public static TheoryData<NodeStatus, NodeStatus> IllegalNodeEdges() => ToTheoryData(AllPairs<NodeStatus>().Except(s_legalNodeEdges));

    [Theory]
    [MemberData(nameof(LegalJobEdges))]
    public void IsAllowed_WhenJobEdgeIsInTheMachine_ReturnsTrue(JobStatus from, JobStatus to)
    {
        StatusTransitions.IsAllowed(from, to).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(IllegalJobEdges))]
    public void IsAllowed_WhenJobEdgeIsNotInTheMachine_ReturnsFalse(JobStatus from, JobStatus to)
    {
        StatusTransitions.IsAllowed(from, to).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(LegalNodeEdges))]
    public void IsAllowed_WhenNodeEdgeIsInTheMachine_ReturnsTrue(NodeStatus from, NodeStatus to)
    {
        StatusTransitions.IsAllowed(from, to).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(IllegalNodeEdges))]
    public void IsAllowed_WhenNodeEdgeIsNotInTheMachine_ReturnsFalse(NodeStatus from, NodeStatus to)
    {
        StatusTransitions.IsAllowed(from, to).ShouldBeFalse();
    }

    [Theory]
    [InlineData(NodeStatus.Completed)]
    [InlineData(NodeStatus.Skipped)]
    [InlineData(NodeStatus.Cancelled)]
    public void IsAllowed_WhenNodeIsCompletedSkippedOrCancelled_AllowsNoWayOut(NodeStatus from)
    {
        Enum.GetValues<NodeStatus>().Where(to => StatusTransitions.IsAllowed(from, to)).ShouldBeEmpty();
    }

    [Fact]
    public void IsAllowed_WhenJobIsCompleted_AllowsNoWayOut()
    {
        Enum.GetValues<JobStatus>().Where(to => StatusTransitions.IsAllowed(JobStatus.Completed, to)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(NodeStatus.Pending, false)]
    [InlineData(NodeStatus.Ready, false)]
    [InlineData(NodeStatus.Dispatched, false)]
    [InlineData(NodeStatus.Running, false)]
    [InlineData(NodeStatus.Completed, true)]
    [InlineData(NodeStatus.Failed, true)]
    [InlineData(NodeStatus.Skipped, true)]
    [InlineData(NodeStatus.Cancelled, true)]
    public void IsTerminal_WhenNodeStatusIsGiven_IsTrueOnlyForFinishedStates(NodeStatus status, bool terminal)
    {
        status.IsTerminal().ShouldBe(terminal);
    }

    [Theory]
    [InlineData(JobStatus.Pending, false)]
    [InlineData(JobStatus.Running, false)]
    [InlineData(JobStatus.Completed, true)]
    [InlineData(JobStatus.Failed, true)]
    [InlineData(JobStatus.Cancelled, true)]
    public void IsTerminal_WhenJobStatusIsGiven_IsTrueOnlyForFinishedStates(JobStatus status, bool terminal)
    {
        status.IsTerminal().ShouldBe(terminal);
    }

    [Fact]
    public void Text_WhenStatusIsFormatted_IsLowerCase()
    {
        NodeStatus.Dispatched.Text().ShouldBe("dispatched");
        JobStatus.Cancelled.Text().ShouldBe("cancelled");
    }

    private static IEnumerable<(T From, T To)> AllPairs<T>()
        where T : struct, Enum =>
        from source in Enum.GetValues<T>()
        from target in Enum.GetValues<T>()
        select (source, target);

    private static TheoryData<T, T> ToTheoryData<T>(IEnumerable<(T From, T To)> edges)
    {
        var data = new TheoryData<T, T>();
        foreach (var (from, to) in edges)
        {
            data.Add(from, to);
        }

        return data;
    }
}
