using System.Text.Json.Nodes;
using DagMaster.Domain.Jobs;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Domain.Jobs;

public sealed class JobCompletionTests
{
    [Fact]
    public void CompleteTask_WhenLastTaskCompletes_CompletesEndAndJob()
    {
        var run = new JobBuilder().WithLinearChain("a", "b").Start().Completed("a");
        run.Clock.Advance(TimeSpan.FromMinutes(3));

        var outcome = run.Complete("b", """{"ok": true}""");

        outcome.ShouldBe(ResultOutcome.Applied);
        run.StatusOf("end").ShouldBe(NodeStatus.Completed);
        run.Job.Status.ShouldBe(JobStatus.Completed);
        run.Job.CompletedAt.ShouldBe(JobBuilder.StartTime.AddMinutes(3));
        run.Job.WithdrawQueuedTasks.ShouldBeTrue();
        run.Job.Error.ShouldBeNull();
        run.EventTypes[^1].ShouldBe(JobEventTypes.JobCompleted);
    }

    [Fact]
    public void CompleteTask_WhenTaskCompletes_StoresItsOutputAndRecordsNodeCompleted()
    {
        var run = new JobBuilder().WithLinearChain("a", "b").Start();
        var taskId = run.TaskIdOf("a");

        run.Complete("a", """{"local_path": "/mnt/a.tif"}""");

        run.StatusOf("a").ShouldBe(NodeStatus.Completed);
        run.Node("a").OutputJson.ShouldBe("""{"local_path": "/mnt/a.tif"}""");
        var completed = run.EventsOf(JobEventTypes.NodeCompleted).Single(e => e.NodeId == "a");
        JsonNode.Parse(completed.DataJson!)!["task_id"]!.GetValue<string>().ShouldBe(taskId);
    }

    [Fact]
    public void CompleteTask_WhenJobCompletes_ResultHoldsOnlyTheEndPredecessorsOutputs()
    {
        var run = new JobBuilder().WithLinearChain("a", "b").Start()
            .Completed("a", """{"step": "a"}""")
            .Completed("b", """{"step": "b", "n": 2}""");

        var result = JsonNode.Parse(run.Job.ResultJson!)!.AsObject();

        result.Select(p => p.Key).ShouldBe(["b", "_provenance"], ignoreOrder: true);
        result["b"]!.ToJsonString().ShouldBe("""{"step":"b","n":2}""");
    }

    [Fact]
    public void CompleteTask_WhenJobCompletes_ResultCarriesProvenance()
    {
        var run = new JobBuilder().WithLinearChain("a").Start();
        run.Clock.Advance(TimeSpan.FromSeconds(90));
        run.Completed("a");

        var provenance = JsonNode.Parse(run.Job.ResultJson!)!["_provenance"]!;

        provenance["workflow_id"]!.GetValue<string>().ShouldBe("linear");
        provenance["workflow_version"]!.GetValue<int>().ShouldBe(1);
        provenance["job_id"]!.GetValue<string>().ShouldBe(run.Job.Id.Value.ToString());
        DateTimeOffset.Parse(provenance["completed_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(JobBuilder.StartTime.AddSeconds(90));
    }

    [Fact]
    public void CompleteTask_WhenEndHasSeveralPredecessors_ResultKeysEachByNodeId()
    {
        var run = new JobBuilder().WithYaml(Diamond).Start()
            .Completed("a")
            .Completed("b", """{"from": "b"}""")
            .Completed("c", """{"from": "c"}""")
            .Completed("d", """{"from": "d"}""")
            .Completed("e", """{"from": "e"}""");

        var result = JsonNode.Parse(run.Job.ResultJson!)!.AsObject();

        result.Select(p => p.Key).ShouldBe(["d", "e", "_provenance"], ignoreOrder: true);
        result["e"]!["from"]!.GetValue<string>().ShouldBe("e");
    }

    [Fact]
    public void CompleteTask_WhenEdgeIsWrittenWithNext_DispatchesSuccessorOnlyAfterPredecessorCompletes()
    {
        var run = new JobBuilder().WithLinearChain("a", "b").Start();

        run.StatusOf("b").ShouldBe(NodeStatus.Pending);
        run.Complete("a");

        run.StatusOf("b").ShouldBe(NodeStatus.Dispatched);
        run.DispatchedNodes.ShouldBe(["a", "b"]);
    }

    [Fact]
    public void CompleteTask_WhenEdgesAreWrittenWithDependsOn_DispatchesDependentOnlyAfterDependencyCompletes()
    {
        var run = new JobBuilder().WithYaml("""
            workflow_id: backward
            name: Backward edges
            nodes:
              start: {type: start}
              a: {handler: echo, depends_on: [start]}
              b: {handler: echo, depends_on: [a]}
              end: {type: end, depends_on: [b]}
            """).Start();

        run.DispatchedNodes.ShouldBe(["a"]);
        run.StatusOf("b").ShouldBe(NodeStatus.Pending);

        run.Complete("a");
        run.DispatchedNodes.ShouldBe(["a", "b"]);

        run.Complete("b");
        run.Job.Status.ShouldBe(JobStatus.Completed);
    }

    [Fact]
    public void CompleteTask_WhenNextAndDependsOnAreMixed_WaitsForTheUnionOfBoth()
    {
        // x.next: join and join.depends_on: [y] → join waits for x and y.
        var run = new JobBuilder().WithYaml("""
            workflow_id: mixed_edges
            name: Mixed edges
            nodes:
              start: {type: start, next: [x, y]}
              x: {handler: echo, next: join}
              y: {handler: echo}
              join: {handler: echo, depends_on: [y], next: end}
              end: {type: end}
            """).Start();

        run.DispatchedNodes.ShouldBe(["x", "y"], ignoreOrder: true);
        run.Complete("x");
        run.StatusOf("join").ShouldBe(NodeStatus.Pending);

        run.Complete("y");
        run.StatusOf("join").ShouldBe(NodeStatus.Dispatched);
    }

    [Fact]
    public void CompleteTask_WhenDiamondRootCompletes_DispatchesBothBranches()
    {
        var run = new JobBuilder().WithYaml(Diamond).Start();

        run.Complete("a");

        run.DispatchedNodes.ShouldBe(["a", "b", "c"], ignoreOrder: true);
        run.StatusOf("d").ShouldBe(NodeStatus.Pending);
    }

    [Fact]
    public void CompleteTask_WhenOnlyOneSideOfDiamondCompletes_JoinKeepsWaiting()
    {
        var run = new JobBuilder().WithYaml(Diamond).Start().Completed("a");

        run.Complete("b");

        run.StatusOf("d").ShouldBe(NodeStatus.Pending);
        run.DispatchedNodes.ShouldNotContain("d");
        run.Job.Status.ShouldBe(JobStatus.Running);
    }

    [Fact]
    public void CompleteTask_WhenBothSidesOfDiamondComplete_DispatchesTheJoinOnce()
    {
        var run = new JobBuilder().WithYaml(Diamond).Start().Completed("a").Completed("c");

        run.Complete("b");

        run.StatusOf("d").ShouldBe(NodeStatus.Dispatched);
        run.DispatchedNodes.Count(n => n == "d").ShouldBe(1);
        run.EventsOf(JobEventTypes.NodeReady).Count(e => e.NodeId == "d").ShouldBe(1);
    }

    [Fact]
    public void CompleteTask_WhenJoinRuns_ItsTemplatesSeeBothSides()
    {
        var run = new JobBuilder().WithYaml(Diamond).Start()
            .Completed("a")
            .Completed("b", """{"n": 1}""")
            .Completed("c", """{"n": 2}""");

        JsonNode.Parse(run.DispatchOf("d").ParamsJson)!["sides"]!.ToJsonString().ShouldBe("[1,2]");
    }

    [Fact]
    public void CompleteTask_WhenSomeNodesAreStillRunning_KeepsTheJobRunningWithoutResult()
    {
        var run = new JobBuilder().WithYaml(Diamond).Start().Completed("a").Completed("b").Completed("c");

        run.Complete("d");

        run.StatusOf("e").ShouldBe(NodeStatus.Dispatched);
        run.StatusOf("end").ShouldBe(NodeStatus.Pending);
        run.Job.Status.ShouldBe(JobStatus.Running);
        run.Job.ResultJson.ShouldBeNull();
    }

    // a → b, a → c, b + c → d; e runs after a in parallel; d and e feed end.
    private const string Diamond = """
        workflow_id: diamond
        name: Diamond
        nodes:
          start: {type: start, next: a}
          a: {handler: echo, next: [b, c, e]}
          b: {handler: echo, next: d}
          c: {handler: echo, next: d}
          d:
            handler: echo
            depends_on: [b, c]
            params:
              sides: "{{ [nodes.b.output.n | default(0), nodes.c.output.n | default(0)] }}"
            next: end
          e:
            handler: echo
            depends_on: [d]
            next: end
          end: {type: end}
        """;
}
