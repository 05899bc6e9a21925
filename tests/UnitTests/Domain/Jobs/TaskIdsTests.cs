using DagMaster.Domain.Jobs;

namespace DagMaster.UnitTests.Domain.Jobs;

public sealed class TaskIdsTests
{
    private const string JobGuid = "0194b2a3-7c1d-7e2f-8a9b-0c1d2e3f4a5b";

    private static readonly JobId s_jobId = new(Guid.Parse(JobGuid));

    [Fact]
    public void Format_WhenGivenJobNodeAndAttempt_JoinsThemWithColons()
    {
        TaskIds.Format(s_jobId, "validate", 2).ShouldBe($"{JobGuid}:validate:2");
    }

    [Theory]
    [InlineData("a", 1)]
    [InlineData("validate_raster", 3)]
    [InlineData("copy-to-mount", 20)]
    [InlineData("split__0", 1)]
    [InlineData("split__99999", 7)]
    [InlineData("a__b__c", 2)]
    [InlineData("START", 2147483647)]
    public void TryParse_WhenTaskIdWasFormatted_RoundTrips(string nodeId, int attempt)
    {
        var taskId = TaskIds.Format(s_jobId, nodeId, attempt);

        TaskIds.TryParse(taskId, out var jobId, out var parsedNode, out var parsedAttempt).ShouldBeTrue();

        jobId.ShouldBe(s_jobId);
        parsedNode.ShouldBe(nodeId);
        parsedAttempt.ShouldBe(attempt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-colons-at-all")]
    [InlineData(JobGuid)]
    [InlineData(JobGuid + ":a")]
    [InlineData(JobGuid + "::1")]
    [InlineData(JobGuid + ":a:")]
    [InlineData(JobGuid + ":a:0")]
    [InlineData(JobGuid + ":a:-1")]
    [InlineData(JobGuid + ":a:+1")]
    [InlineData(JobGuid + ":a: 1")]
    [InlineData(JobGuid + ":a:1.5")]
    [InlineData(JobGuid + ":a:one")]
    [InlineData(JobGuid + ":a:99999999999")]
    [InlineData(":a:1")]
    [InlineData("not-a-guid:a:1")]
    [InlineData("0194b2a3-7c1d-7e2f-8a9b:a:1")]
    public void TryParse_WhenTaskIdIsMalformed_ReturnsFalse(string taskId)
    {
        TaskIds.TryParse(taskId, out _, out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryParse_WhenTaskIdIsMalformed_LeavesDefaultOutValues()
    {
        TaskIds.TryParse("garbage", out var jobId, out var nodeId, out var attempt);

        jobId.ShouldBe(default);
        nodeId.ShouldBeEmpty();
        attempt.ShouldBe(0);
    }
}
