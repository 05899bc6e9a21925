using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Scenarios;

/// <summary>Jobs of one single-task workflow whose tasks wait in the same queue with different job priorities.</summary>
public sealed class PriorityScenarioTests(DagMasterAppFixture app) : ScenarioTestBase(app)
{
    private const string Queue = "scn-priority";

    private const string Workflow = """
        workflow_id: scn_priority
        name: Job priority
        version: 1
        nodes:
          start: {type: start, next: work}
          work: {handler: echo, queue: scn-priority, next: end}
          end: {type: end}
        """;

    [Fact]
    public async Task Claim_WhenAHigherPriorityJobWasSubmittedLater_GetsTheHigherPriorityTaskFirst()
    {
        await RegisterWorkflowAsync(Workflow);
        var low = await SubmitAsync("scn_priority", priority: 0);
        var high = await SubmitAsync("scn_priority", priority: 9);
        var laterHigh = await SubmitAsync("scn_priority", priority: 9);
        (await Jobs.GetAsync(high)).GetProperty("priority").GetInt32().ShouldBe(9);
        (await Jobs.GetAsync(low)).GetProperty("priority").GetInt32().ShouldBe(0);

        var claimed = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var tasks = await ClaimAsync(Queue, max: 1);
            tasks.Count.ShouldBe(1);
            claimed.Add(tasks[0].GetProperty("job_id").GetGuid());
        }

        claimed.ShouldBe([high, laterHigh, low]); // priority first, then oldest first within a priority
        (await ClaimAsync(Queue)).ShouldBeEmpty();
    }
}
