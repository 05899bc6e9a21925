using System.Text.Json.Nodes;
using DagMaster.Domain.Jobs;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Domain.Jobs;

public sealed class JobConditionalTests
{
    // measure → route: < 100 → small, <= 100 → medium (exactly 100), default → large (→ large_cleanup).
    private const string RouteBySize = """
        workflow_id: route_by_size
        name: Route by size
        nodes:
          start: {type: start, next: measure}
          measure: {handler: echo, next: route}
          route:
            type: conditional
            condition_field: "{{ nodes.measure.output.size_mb }}"
            branches:
              - name: small
                condition: "< 100"
                next: small
              - name: medium
                condition: "<= 100"
                next: medium
              - default: true
                next: large
          small: {handler: echo, next: end}
          medium: {handler: echo, next: end}
          large: {handler: echo, next: large_cleanup}
          large_cleanup: {handler: echo, next: end}
          end: {type: end}
        """;

    // route on the raster type: dem/nir → special, anything else → plain; both paths have their own end.
    private const string RouteByType = """
        workflow_id: route_by_type
        name: Route by type
        inputs:
          raster_type: {type: string}
        nodes:
          start: {type: start, next: route}
          route:
            type: conditional
            condition_field: "{{ inputs.raster_type }}"
            branches:
              - name: special
                condition: "in ['dem','nir']"
                next: special
              - default: true
                next: plain
          special: {handler: echo, next: special_end}
          plain: {handler: echo, next: plain_end}
          special_end: {type: end}
          plain_end: {type: end}
        """;

    // The join waits for whichever branch ran.
    private const string AnyOfJoin = """
        workflow_id: any_of_join
        name: Any-of join
        inputs:
          mode: {type: string}
        nodes:
          start: {type: start, next: route}
          route:
            type: conditional
            condition_field: "{{ inputs.mode }}"
            branches:
              - name: fast
                condition: "== 'fast'"
                next: fast
              - default: true
                next: slow
          fast: {handler: echo}
          slow: {handler: echo, next: slow_more}
          slow_more: {handler: echo}
          join:
            handler: echo
            depends_on: {any_of: [fast, slow_more]}
            next: end
          end: {type: end}
        """;

    [Theory]
    [InlineData("99", "small")]
    [InlineData("0.5", "small")]
    [InlineData("100", "medium")]
    [InlineData("100.0", "medium")]
    [InlineData("100.5", "large")]
    [InlineData("101", "large")]
    public void CompleteTask_WhenConditionFieldIsNumber_TakesTheFirstTrueBranch(string sizeMb, string taken)
    {
        var run = new JobBuilder().WithYaml(RouteBySize).Start();

        run.Complete("measure", $$"""{"size_mb": {{sizeMb}}}""");

        run.StatusOf("route").ShouldBe(NodeStatus.Completed);
        run.StatusOf(taken).ShouldBe(NodeStatus.Dispatched);
        run.DispatchedNodes.ShouldBe(["measure", taken]);
        foreach (var other in new[] { "small", "medium", "large" }.Where(n => n != taken))
        {
            run.StatusOf(other).ShouldBe(NodeStatus.Skipped);
        }
    }

    [Fact]
    public void CompleteTask_WhenConditionalIsEvaluated_OutputsTakenBranchAndValue()
    {
        var run = new JobBuilder().WithYaml(RouteBySize).Start();

        run.Complete("measure", """{"size_mb": 100}""");

        var output = JsonNode.Parse(run.Node("route").OutputJson!)!;
        output["taken_branch"]!.GetValue<string>().ShouldBe("medium");
        output["value"]!.GetValue<long>().ShouldBe(100);
        run.Node("route").TaskId.ShouldBeNull();
    }

    [Fact]
    public void CompleteTask_WhenUntakenBranchHasAChain_SkipsTheWholeChain()
    {
        var run = new JobBuilder().WithYaml(RouteBySize).Start();

        run.Complete("measure", """{"size_mb": 5}""");

        run.StatusOf("large").ShouldBe(NodeStatus.Skipped);
        run.StatusOf("large_cleanup").ShouldBe(NodeStatus.Skipped);
        run.EventsOf(JobEventTypes.NodeSkipped).Select(e => e.NodeId).ShouldBe(["medium", "large", "large_cleanup"], ignoreOrder: true);
    }

    [Fact]
    public void CompleteTask_WhenTakenBranchCompletes_EndRunsDespiteSkippedPredecessors()
    {
        var run = new JobBuilder().WithYaml(RouteBySize).Start().Completed("measure", """{"size_mb": 500}""");

        run.Complete("large");
        run.StatusOf("end").ShouldBe(NodeStatus.Pending);
        run.Complete("large_cleanup", """{"cleaned": true}""");

        run.StatusOf("end").ShouldBe(NodeStatus.Completed);
        run.Job.Status.ShouldBe(JobStatus.Completed);
        JsonNode.Parse(run.Job.ResultJson!)!.AsObject().Select(p => p.Key).ShouldBe(["large_cleanup", "_provenance"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("dem", "special")]
    [InlineData("nir", "special")]
    [InlineData("rgb", "plain")]
    [InlineData("DEM", "plain")]
    public void CompleteTask_WhenConditionIsInList_TakesSpecialOnlyForListedValues(string rasterType, string taken)
    {
        var run = new JobBuilder().WithYaml(RouteByType).WithInput("raster_type", rasterType).Start();

        run.DispatchedNodes.ShouldBe([taken]);
        run.StatusOf(taken == "special" ? "plain" : "special").ShouldBe(NodeStatus.Skipped);
        run.EventsOf(JobEventTypes.ConditionWarning).ShouldBeEmpty();
    }

    [Fact]
    public void CompleteTask_WhenAnEndIsReachedOnlyThroughSkippedNodes_SkipsThatEndAndCompletesTheJob()
    {
        var run = new JobBuilder().WithYaml(RouteByType).WithInput("raster_type", "dem").Start();

        run.StatusOf("plain_end").ShouldBe(NodeStatus.Skipped);
        run.Complete("special", """{"kind": "dem"}""");

        run.StatusOf("special_end").ShouldBe(NodeStatus.Completed);
        run.StatusOf("plain_end").ShouldBe(NodeStatus.Skipped);
        run.Job.Status.ShouldBe(JobStatus.Completed);
        JsonNode.Parse(run.Job.ResultJson!)!.AsObject().Select(p => p.Key).ShouldBe(["special", "_provenance"], ignoreOrder: true);
    }

    [Fact]
    public void CompleteTask_WhenConditionComparesStringWithNumber_TreatsBranchAsFalseAndRecordsAWarning()
    {
        var run = new JobBuilder().WithYaml(RouteBySize).Start();

        run.Complete("measure", """{"size_mb": "50"}""");

        run.StatusOf("large").ShouldBe(NodeStatus.Dispatched);
        run.StatusOf("small").ShouldBe(NodeStatus.Skipped);
        run.Job.Status.ShouldBe(JobStatus.Running);
        var warnings = run.EventsOf(JobEventTypes.ConditionWarning);
        warnings.ShouldAllBe(e => e.NodeId == "route");
        warnings.Select(e => JsonNode.Parse(e.DataJson!)!["branch"]!.GetValue<string>()).ShouldBe(["small", "medium"]);
    }

    [Fact]
    public void CompleteTask_WhenBooleanConditionIsTrue_TakesTheTrueTargetAndSkipsTheFalsePath()
    {
        var run = RasterProcess().Completed("copy_to_mount", """{"local_path": "/mnt/in.tif"}""");

        run.Complete("validate_raster", """{"estimated_compressed_mb": 900}""");

        JsonNode.Parse(run.Node("check_tiling").OutputJson!)!.ToJsonString()
            .ShouldBe("""{"taken_branch":"generate_tiling_scheme","value":true}""");
        run.StatusOf("generate_tiling_scheme").ShouldBe(NodeStatus.Dispatched);
        run.StatusOf("create_cog_single").ShouldBe(NodeStatus.Skipped);
        run.StatusOf("ensure_collection_single").ShouldBe(NodeStatus.Skipped);
        run.StatusOf("register_stac_item").ShouldBe(NodeStatus.Skipped);
        run.StatusOf("END").ShouldBe(NodeStatus.Pending);
    }

    [Fact]
    public void CompleteTask_WhenBooleanConditionIsFalse_RunsTheSinglePathToCompletion()
    {
        var run = RasterProcess().Completed("copy_to_mount", """{"local_path": "/mnt/in.tif"}""");

        run.Complete("validate_raster", """{"estimated_compressed_mb": 512, "bounds": [1, 2, 3, 4]}""");
        run.StatusOf("generate_tiling_scheme").ShouldBe(NodeStatus.Skipped);
        run.StatusOf("process_tiles").ShouldBe(NodeStatus.Skipped);
        run.StatusOf("register_stac_items").ShouldBe(NodeStatus.Skipped);
        var cog = JsonNode.Parse(run.DispatchOf("create_cog_single").ParamsJson)!;
        cog["local_path"]!.GetValue<string>().ShouldBe("/mnt/in.tif");
        cog["validation"]!["bounds"]!.ToJsonString().ShouldBe("[1,2,3,4]");
        cog["target_crs"]!.GetValue<string>().ShouldBe("EPSG:4326");
        cog["output_folder"].ShouldBeNull();

        run.Completed("create_cog_single", """{"cog_blob": "a.tif", "cog_container": "silver"}""")
            .Completed("ensure_collection_single")
            .Completed("register_stac_item", """{"item_id": "item-1"}""");

        run.StatusOf("END").ShouldBe(NodeStatus.Completed);
        run.Job.Status.ShouldBe(JobStatus.Completed);
        JsonNode.Parse(run.Job.ResultJson!)!["register_stac_item"]!["item_id"]!.GetValue<string>().ShouldBe("item-1");
    }

    [Fact]
    public void CompleteTask_WhenAnyOfMemberIsSkipped_JoinDoesNotFireBeforeTheTakenBranchCompletes()
    {
        var run = new JobBuilder().WithYaml(AnyOfJoin).WithInput("mode", "slow").Start();

        run.StatusOf("fast").ShouldBe(NodeStatus.Skipped);
        run.StatusOf("join").ShouldBe(NodeStatus.Pending);

        run.Complete("slow");

        run.StatusOf("join").ShouldBe(NodeStatus.Pending);
        run.DispatchedNodes.ShouldBe(["slow", "slow_more"]);
    }

    [Fact]
    public void CompleteTask_WhenTakenBranchReachesAnyOfJoin_FiresTheJoinAndCompletesTheJob()
    {
        var run = new JobBuilder().WithYaml(AnyOfJoin).WithInput("mode", "fast").Start();
        run.StatusOf("slow").ShouldBe(NodeStatus.Skipped);
        run.StatusOf("slow_more").ShouldBe(NodeStatus.Skipped);
        run.StatusOf("join").ShouldBe(NodeStatus.Pending);

        run.Complete("fast");
        run.StatusOf("join").ShouldBe(NodeStatus.Dispatched);

        run.Complete("join");
        run.Job.Status.ShouldBe(JobStatus.Completed);
    }

    [Fact]
    public void CompleteTask_WhenBranchConditionReadsInputs_EvaluatesTheFullExpression()
    {
        var run = new JobBuilder().WithYaml("""
            workflow_id: strict_route
            name: Strict route
            inputs:
              raster_type: {type: string}
              strict: {type: boolean, default: false}
            nodes:
              start: {type: start, next: route}
              route:
                type: conditional
                condition_field: "{{ inputs.raster_type }}"
                branches:
                  - name: tagged
                    condition: "value in ['dem', 'nir'] and inputs.strict"
                    next: special
                  - default: true
                    next: plain
              special: {handler: echo, next: end}
              plain: {handler: echo, next: end}
              end: {type: end}
            """).WithInput("raster_type", "dem").Start();

        run.DispatchedNodes.ShouldBe(["plain"]);
    }

    [Fact]
    public void CompleteTask_WhenBooleanConditionComparesStringWithNumber_TakesTheFalseTargetAndRecordsAWarning()
    {
        var run = RasterProcess().Completed("copy_to_mount", """{"local_path": "/mnt/in.tif"}""");

        run.Complete("validate_raster", """{"estimated_compressed_mb": "900"}""");

        run.Job.Status.ShouldBe(JobStatus.Running);
        run.StatusOf("create_cog_single").ShouldBe(NodeStatus.Dispatched);
        run.StatusOf("generate_tiling_scheme").ShouldBe(NodeStatus.Skipped);
        var warning = run.EventsOf(JobEventTypes.ConditionWarning).ShouldHaveSingleItem();
        warning.NodeId.ShouldBe("check_tiling");
        JsonNode.Parse(warning.DataJson!)!["branch"]!.GetValue<string>().ShouldBe("true");
    }

    [Fact]
    public void CompleteTask_WhenDefaultBranchGoesStraightToEnd_EndWaitsForTheTakenPath()
    {
        var run = new JobBuilder().WithYaml(ShortCircuit).WithInput("size_mb", 10L).Start();

        run.StatusOf("process").ShouldBe(NodeStatus.Dispatched);
        run.StatusOf("end").ShouldBe(NodeStatus.Pending);

        run.Complete("process", """{"done": true}""");

        run.StatusOf("end").ShouldBe(NodeStatus.Completed);
        run.Job.Status.ShouldBe(JobStatus.Completed);
    }

    [Fact]
    public void Start_WhenDefaultBranchGoesStraightToEnd_SkipsTheOtherPathAndCompletes()
    {
        var run = new JobBuilder().WithYaml(ShortCircuit).WithInput("size_mb", 1000L).Start();

        run.StatusOf("process").ShouldBe(NodeStatus.Skipped);
        run.StatusOf("end").ShouldBe(NodeStatus.Completed);
        run.Job.Status.ShouldBe(JobStatus.Completed);
        run.Dispatched.ShouldBeEmpty();
    }

    // small sizes are processed; anything else goes straight to end.
    private const string ShortCircuit = """
        workflow_id: short_circuit
        name: Short circuit
        inputs:
          size_mb: {type: integer}
        nodes:
          start: {type: start, next: route}
          route:
            type: conditional
            condition_field: "{{ inputs.size_mb }}"
            branches:
              - name: small
                condition: "< 100"
                next: process
              - default: true
                next: end
          process: {handler: echo, next: end}
          end: {type: end}
        """;

    private static JobRun RasterProcess() => new JobBuilder()
        .WithWorkflowFile("raster_process.yaml")
        .WithInput("blob_name", "in.tif")
        .WithInput("container_name", "bronze-rasters")
        .WithInput("collection_id", "col-1")
        .Start();
}
