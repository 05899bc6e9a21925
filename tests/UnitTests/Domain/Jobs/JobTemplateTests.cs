using System.Text.Json;
using System.Text.Json.Nodes;
using DagMaster.Domain.Jobs;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Domain.Jobs;

/// <summary>Templates in params are rendered at dispatch against the job's state at that moment.</summary>
public sealed class JobTemplateTests
{
    private const string Chain = """
        workflow_id: chain
        name: Chain
        inputs:
          bucket: {type: string, default: "silver"}
        nodes:
          start: {type: start, next: fetch}
          fetch: {handler: echo, next: inspect}
          inspect: {handler: echo, next: publish}
          publish:
            handler: echo
            retry: {max_attempts: 5}
            params:
              path: "{{ nodes.fetch.output.path }}"
              count: "{{ nodes.fetch.output.count }}"
              tiles: "{{ nodes.fetch.output.tiles }}"
              target: "{{ inputs.bucket }}/{{ nodes.fetch.output.path }}"
              inspected: "{{ nodes.inspect.status }}"
              job_id: "{{ job.id }}"
            next: end
          end: {type: end}
        """;

    // special is skipped unless the type is dem; report reads its output with a default.
    private const string OptionalBranch = """
        workflow_id: optional_branch
        name: Optional branch
        inputs:
          raster_type: {type: string}
        nodes:
          start: {type: start, next: route}
          route:
            type: conditional
            condition_field: "{{ inputs.raster_type }}"
            branches:
              - name: dem
                condition: "== 'dem'"
                next: special
              - default: true
                next: plain
          special: {handler: echo}
          plain: {handler: echo}
          report:
            handler: echo
            depends_on: [special, plain]
            params:
              label: "{{ nodes.special.output.label | default('x') }}"
              text: "label={{ nodes.special.output.label | default('none') }}"
              special_status: "{{ nodes.special.status }}"
              special_output: "{{ nodes.special.output }}"
            next: end
          end: {type: end}
        """;

    [Fact]
    public void CompleteTask_WhenParamsReadAnAncestorsOutput_RendersItsFieldsNatively()
    {
        var run = new JobBuilder().WithYaml(Chain).Start()
            .Completed("fetch", """{"path": "a/b.tif", "count": 12, "tiles": [{"x": 0}, {"x": 1}]}""")
            .Completed("inspect");

        var json = JsonNode.Parse(run.DispatchOf("publish").ParamsJson)!;

        json["path"]!.GetValue<string>().ShouldBe("a/b.tif");
        json["count"]!.GetValueKind().ShouldBe(JsonValueKind.Number);
        json["count"]!.GetValue<long>().ShouldBe(12);
        json["tiles"]!.ToJsonString().ShouldBe("""[{"x":0},{"x":1}]""");
    }

    [Fact]
    public void CompleteTask_WhenParamsMixTextWithAnAncestorsOutput_RendersText()
    {
        var run = new JobBuilder().WithYaml(Chain).Start()
            .Completed("fetch", """{"path": "a/b.tif", "count": 12, "tiles": []}""")
            .Completed("inspect");

        var json = JsonNode.Parse(run.DispatchOf("publish").ParamsJson)!;

        json["target"]!.GetValue<string>().ShouldBe("silver/a/b.tif");
        json["inspected"]!.GetValue<string>().ShouldBe("completed");
        json["job_id"]!.GetValue<string>().ShouldBe(run.Job.Id.Value.ToString());
    }

    [Fact]
    public void CompleteTask_WhenAWholeExpressionNamesAMissingField_RendersNull()
    {
        var run = new JobBuilder().WithYaml(Chain).Start()
            .Completed("fetch", """{"path": "a/b.tif"}""")
            .Completed("inspect");

        var json = JsonNode.Parse(run.DispatchOf("publish").ParamsJson)!.AsObject();

        json.ContainsKey("count").ShouldBeTrue();
        json["count"].ShouldBeNull();
        run.StatusOf("publish").ShouldBe(NodeStatus.Dispatched);
    }

    [Fact]
    public void CompleteTask_WhenSkippedNodeIsReadWithDefault_RendersTheDefault()
    {
        var run = new JobBuilder().WithYaml(OptionalBranch).WithInput("raster_type", "rgb").Start();

        run.Complete("plain");

        var json = JsonNode.Parse(run.DispatchOf("report").ParamsJson)!;
        json["label"]!.GetValue<string>().ShouldBe("x");
        json["text"]!.GetValue<string>().ShouldBe("label=none");
        json["special_status"]!.GetValue<string>().ShouldBe("skipped");
        json["special_output"].ShouldBeNull();
    }

    [Fact]
    public void CompleteTask_WhenOptionalNodeRan_RendersItsOutputInsteadOfTheDefault()
    {
        var run = new JobBuilder().WithYaml(OptionalBranch).WithInput("raster_type", "dem").Start();

        run.Complete("special", """{"label": "elevation"}""");

        var json = JsonNode.Parse(run.DispatchOf("report").ParamsJson)!;
        json["label"]!.GetValue<string>().ShouldBe("elevation");
        json["special_status"]!.GetValue<string>().ShouldBe("completed");
    }

    [Fact]
    public void CompleteTask_WhenMixedTextNamesAMissingPath_FailsTheNodeWithAMessageNamingThePath()
    {
        var run = new JobBuilder().WithYaml(Chain).Start()
            .Completed("fetch", """{"count": 1}""")
            .Completed("inspect");

        var publish = run.Node("publish");
        publish.Status.ShouldBe(NodeStatus.Failed);
        publish.Error.ShouldNotBeNull();
        publish.Error.ShouldContain("nodes.fetch.output.path");
        publish.Error.ShouldStartWith("template error");
        run.DispatchedNodes.ShouldNotContain("publish");
    }

    [Fact]
    public void CompleteTask_WhenTemplateFails_DoesNotRetryEvenWithAttemptsLeft()
    {
        var run = new JobBuilder().WithYaml(Chain).Start()
            .Completed("fetch", """{"count": 1}""")
            .Completed("inspect");

        run.Node("publish").NextAttemptAt.ShouldBeNull();
        run.Node("publish").IsRetryScheduled.ShouldBeFalse();
        run.EventTypes.ShouldNotContain(JobEventTypes.RetryScheduled);
        run.RetryDueNodesAfter(TimeSpan.FromHours(1)).ShouldBe(0);
        run.DispatchedNodes.ShouldNotContain("publish");
    }

    [Fact]
    public void CompleteTask_WhenTemplateFails_FailsTheJob()
    {
        var run = new JobBuilder().WithYaml(Chain).Start()
            .Completed("fetch", """{"count": 1}""")
            .Completed("inspect");

        run.Job.Status.ShouldBe(JobStatus.Failed);
        run.Job.FailedNodeId.ShouldBe("publish");
        run.Job.Error.ShouldNotBeNull();
        run.Job.Error.ShouldStartWith("node 'publish' failed: template error");
        run.Job.Error.ShouldContain("nodes.fetch.output.path");
        run.StatusOf("end").ShouldBe(NodeStatus.Cancelled);
        run.Job.WithdrawQueuedTasks.ShouldBeTrue();
        run.EventTypes.TakeLast(3).ShouldBe([JobEventTypes.NodeFailed, JobEventTypes.NodeCancelled, JobEventTypes.JobFailed]);
    }

    [Fact]
    public void Start_WhenFirstTaskHasATemplateError_FailsTheJobAtStart()
    {
        var run = new JobBuilder().WithYaml("""
            workflow_id: bad_first
            name: Bad first
            inputs:
              meta: {type: object}
            nodes:
              start: {type: start, next: a}
              a:
                handler: echo
                params:
                  owner: "owner: {{ inputs.meta.owner }}"
                next: end
              end: {type: end}
            """).WithInput("meta", new Dictionary<string, object?> { ["team"] = "ops" }).Start();

        run.Job.Status.ShouldBe(JobStatus.Failed);
        run.Job.FailedNodeId.ShouldBe("a");
        run.Node("a").Error!.ShouldContain("inputs.meta.owner");
        run.Dispatched.ShouldBeEmpty();
    }
}
