using DagMaster.Domain.Workflows;
using DagMaster.Infrastructure.Workflows.Yaml;

namespace DagMaster.UnitTests.Infrastructure.Workflows;

public sealed class ShippedWorkflowsTests
{
    private static readonly string s_folder = Path.Combine(AppContext.BaseDirectory, "Workflows");

    public static TheoryData<string> Files() => new(Directory.GetFiles(s_folder, "*.yaml").Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_WhenFileIsShipped_LoadsWithoutErrors(string file)
    {
        var result = new YamlWorkflowDefinitionReader().Read(File.ReadAllText(Path.Combine(s_folder, file)));

        result.Errors.ShouldBeEmpty();
        result.Definition.ShouldNotBeNull();
    }

    [Fact]
    public void Read_WhenShippedFolder_HasTenOriginalsAndTheListFormExample()
    {
        Directory.GetFiles(s_folder, "*.yaml").Length.ShouldBe(11);
    }

    [Fact]
    public void Read_WhenRasterProcess_BuildsBooleanConditionalWithBothTargets()
    {
        var definition = new YamlWorkflowDefinitionReader().Read(File.ReadAllText(Path.Combine(s_folder, "raster_process.yaml"))).Definition!;

        var check = definition.GetNode("check_tiling");
        check.Type.ShouldBe(NodeType.Conditional);
        check.IsBooleanConditional.ShouldBeTrue();
        check.Branches.Select(b => (b.Name, b.Target)).ShouldBe([("true", "generate_tiling_scheme"), ("false", "create_cog_single")]);
        definition.GetNode("END").AllOf.ShouldBe(["register_stac_item", "register_stac_items"], ignoreOrder: true);
    }

    [Fact]
    public void Read_WhenListForm_ResolvesDependsOnEdgesAndInputs()
    {
        var definition = new YamlWorkflowDefinitionReader().Read(File.ReadAllText(Path.Combine(s_folder, "raster_ingest_list_form.yaml"))).Definition!;

        definition.WorkflowId.ShouldBe("raster_ingest");
        definition.Version.ShouldBe(1);
        definition.Nodes.Select(n => n.Id).ShouldBe(["start", "validate", "convert_cog", "end"]);
        definition.GetNode("start").Successors.ShouldBe(["validate"]);
        definition.Inputs.Single().ShouldBe(new InputDefinition("source_url", InputType.String, true, false, null, null));
    }

    [Fact]
    public void Read_WhenFanOutTest_LinksFanInToItsFanOutAndKeepsNativeParams()
    {
        var definition = new YamlWorkflowDefinitionReader().Read(File.ReadAllText(Path.Combine(s_folder, "fan_out_test.yaml"))).Definition!;

        definition.GetNode("aggregate").AggregatedFanOut.ShouldBe("split");
        definition.GetNode("split").Task!.Params["item_index"].ShouldBe("{{ index }}");
        definition.GetNode("split").Retry.ShouldBe(RetryPolicy.Default);
    }

    [Fact]
    public void Read_WhenRetryFanOutTest_KeepsQuotedNumberAsString()
    {
        var definition = new YamlWorkflowDefinitionReader().Read(File.ReadAllText(Path.Combine(s_folder, "retry_fan_out_test.yaml"))).Definition!;

        definition.GetNode("split").Task!.Params["failure_rate"].ShouldBe("0.3");
    }

    [Fact]
    public void Read_WhenCheckpointTest_AppliesDefaultsAndRetryBlock()
    {
        var definition = new YamlWorkflowDefinitionReader().Read(File.ReadAllText(Path.Combine(s_folder, "checkpoint_test.yaml"))).Definition!;

        definition.Inputs.Single(i => i.Name == "steps").ShouldBe(new InputDefinition("steps", InputType.Integer, false, true, 5L, "Number of steps to execute (each saves a checkpoint)"));
        definition.Inputs.Single(i => i.Name == "step_delay").Default.ShouldBe(0.5);
        var node = definition.GetNode("multi_step_echo");
        node.Retry.ShouldBe(new RetryPolicy(5, BackoffKind.Exponential, 2, 300));
        node.Task!.TimeoutSeconds.ShouldBe(300);
    }
}
