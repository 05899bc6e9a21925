using System.Text.Json;
using System.Text.Json.Nodes;
using DagMaster.Domain.Jobs;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Domain.Jobs;

public sealed class JobStartTests
{
    private const string GreetingWorkflow = """
        workflow_id: greeting
        name: Greeting
        version: 4
        inputs:
          message: {type: string, default: "Hello"}
          count: {type: integer}
          ratio: {type: number, default: 0.5}
          loud: {type: boolean, default: false}
        nodes:
          start:
            type: start
            next: greet
          greet:
            handler: echo
            params:
              message: "{{ inputs.message }}"
              count: "{{ inputs.count }}"
              ratio: "{{ inputs.ratio }}"
              loud: "{{ inputs.loud }}"
              text: "{{ inputs.message }} x{{ inputs.count }}"
              job: "{{ job.workflow_id }} v{{ job.workflow_version }}"
              fixed: 7
            next: end
          end:
            type: end
        """;

    [Fact]
    public void Submit_WhenSubmitted_IsPendingWithEveryNodePendingAndACreatedEvent()
    {
        var builder = new JobBuilder().WithYaml(GreetingWorkflow).WithInput("count", 3L);

        var job = builder.Build();

        job.Status.ShouldBe(JobStatus.Pending);
        job.WorkflowId.ShouldBe("greeting");
        job.WorkflowVersion.ShouldBe(4);
        job.CreatedAt.ShouldBe(JobBuilder.StartTime);
        job.Nodes.Select(n => n.Status).ShouldAllBe(s => s == NodeStatus.Pending);
        job.Events.Select(e => e.Type).ShouldBe([JobEventTypes.JobCreated]);
        job.PendingDispatches.ShouldBeEmpty();
    }

    [Fact]
    public void Start_WhenJobIsPending_CompletesTheStartNodeInTheOrchestrator()
    {
        var run = new JobBuilder().WithYaml(GreetingWorkflow).WithInput("count", 3L).Start();

        run.StatusOf("start").ShouldBe(NodeStatus.Completed);
        run.Node("start").TaskId.ShouldBeNull();
        run.DispatchedNodes.ShouldBe(["greet"]);
    }

    [Fact]
    public void Start_WhenJobIsPending_MakesTheJobRunning()
    {
        var run = new JobBuilder().WithYaml(GreetingWorkflow).WithInput("count", 3L).Start();

        run.Job.Status.ShouldBe(JobStatus.Running);
        run.Job.StartedAt.ShouldBe(JobBuilder.StartTime);
        run.StatusOf("greet").ShouldBe(NodeStatus.Dispatched);
        run.StatusOf("end").ShouldBe(NodeStatus.Pending);
    }

    [Fact]
    public void Start_WhenFirstTaskIsReady_DispatchesAttemptOneWithTheTaskSettings()
    {
        var run = new JobBuilder()
            .WithYaml(GreetingWorkflow)
            .WithInput("count", 3L)
            .WithSubmission(new JobSubmission(Priority: 6, CorrelationId: "req-42"))
            .Start();

        var dispatch = run.DispatchOf("greet");

        dispatch.TaskId.ShouldBe($"{run.Job.Id.Value}:greet:1");
        dispatch.JobId.ShouldBe(run.Job.Id);
        dispatch.Handler.ShouldBe("echo");
        dispatch.Queue.ShouldBe(Job.DefaultQueue);
        dispatch.Attempt.ShouldBe(1);
        dispatch.MaxAttempts.ShouldBe(3);
        dispatch.TimeoutSeconds.ShouldBe(3600);
        dispatch.Priority.ShouldBe(6);
        dispatch.CorrelationId.ShouldBe("req-42");
        dispatch.WorkflowId.ShouldBe("greeting");
        dispatch.WorkflowVersion.ShouldBe(4);
        dispatch.AvailableAt.ShouldBe(JobBuilder.StartTime);
        run.Node("greet").TaskId.ShouldBe(dispatch.TaskId);
        run.Node("greet").Attempt.ShouldBe(1);
    }

    [Fact]
    public void Start_WhenParamsAreWholeExpressions_RendersNativeValues()
    {
        var run = new JobBuilder().WithYaml(GreetingWorkflow).WithInput("count", 3L).WithInput("loud", true).Start();

        var json = JsonNode.Parse(run.DispatchOf("greet").ParamsJson)!;

        json["message"]!.GetValue<string>().ShouldBe("Hello");
        json["count"]!.GetValueKind().ShouldBe(JsonValueKind.Number);
        json["count"]!.GetValue<long>().ShouldBe(3);
        json["ratio"]!.GetValueKind().ShouldBe(JsonValueKind.Number);
        json["ratio"]!.GetValue<double>().ShouldBe(0.5);
        json["loud"]!.GetValueKind().ShouldBe(JsonValueKind.True);
        json["fixed"]!.GetValue<long>().ShouldBe(7);
    }

    [Fact]
    public void Start_WhenParamsMixTextAndExpressions_RendersText()
    {
        var run = new JobBuilder().WithYaml(GreetingWorkflow).WithInput("count", 3L).Start();

        var json = JsonNode.Parse(run.DispatchOf("greet").ParamsJson)!;

        json["text"]!.GetValue<string>().ShouldBe("Hello x3");
        json["job"]!.GetValue<string>().ShouldBe("greeting v4");
        run.Node("greet").ParamsJson.ShouldBe(run.DispatchOf("greet").ParamsJson);
    }

    [Fact]
    public void Start_WhenJobIsPending_RecordsTheTimelineInOrder()
    {
        var run = new JobBuilder().WithYaml(GreetingWorkflow).WithInput("count", 3L).Start();

        run.Job.Events.Select(e => (e.Type, e.NodeId)).ShouldBe(
        [
            (JobEventTypes.JobCreated, null),
            (JobEventTypes.JobStarted, null),
            (JobEventTypes.NodeReady, "start"),
            (JobEventTypes.NodeCompleted, "start"),
            (JobEventTypes.NodeReady, "greet"),
            (JobEventTypes.NodeDispatched, "greet"),
        ]);
        run.Job.Events.ShouldAllBe(e => e.JobId == run.Job.Id && e.OccurredAt == JobBuilder.StartTime);
    }

    [Fact]
    public void Start_WhenTaskNamesQueueAndPriority_DispatchesWithThem()
    {
        var run = new JobBuilder().WithYaml("""
            workflow_id: routed
            name: Routed
            nodes:
              start: {type: start, next: work}
              work:
                handler: raster.validate
                queue: container-tasks
                priority: 9
                timeout_seconds: 60
                retry: {max_attempts: 5}
                next: end
              end: {type: end}
            """).Start();

        var dispatch = run.DispatchOf("work");

        dispatch.Queue.ShouldBe("container-tasks");
        dispatch.Priority.ShouldBe(9);
        dispatch.TimeoutSeconds.ShouldBe(60);
        dispatch.MaxAttempts.ShouldBe(5);
        dispatch.ParamsJson.ShouldBe("{}");
    }

    [Fact]
    public void TakeDispatches_WhenCalledTwice_ReturnsEachDispatchOnce()
    {
        var builder = new JobBuilder().WithLinearChain("a");
        var definition = builder.BuildDefinition();
        var job = builder.Build();
        job.Start(definition, builder.Clock);

        job.TakeDispatches().Select(d => d.NodeId).ShouldBe(["a"]);
        job.TakeDispatches().ShouldBeEmpty();
        job.PendingDispatches.ShouldBeEmpty();
    }
}
