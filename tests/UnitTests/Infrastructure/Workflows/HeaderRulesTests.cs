using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Infrastructure.Workflows;

public sealed class HeaderRulesTests
{
    [Fact]
    public void Read_WhenMinimalWorkflow_LoadsStartWorkEnd()
    {
        var definition = WorkflowYaml.Minimal().Read().ShouldBeValid();

        definition.WorkflowId.ShouldBe("test_flow");
        definition.Name.ShouldBe("Test flow");
        definition.StartNodeId.ShouldBe("start");
        definition.Nodes.Select(n => n.Id).ShouldBe(["start", "work", "end"]);
    }

    [Fact]
    public void Read_WhenWorkflowIdIsMissing_ReportsWorkflowIdRequiredOnFirstLine()
    {
        var yaml = WorkflowYaml.Minimal().WithoutHeader("workflow_id");

        var error = yaml.Read().ShouldHaveOnlyError("workflow_id.required");

        error.Message.ShouldContain("'workflow_id'");
        error.Line.ShouldBe(1);
    }

    [Theory]
    [InlineData("Test_flow")]
    [InlineData("1flow")]
    [InlineData("_flow")]
    [InlineData("test flow")]
    [InlineData("test/flow")]
    [InlineData("a0123456789012345678901234567890123456789012345678901234567890123")]
    public void Read_WhenWorkflowIdBreaksPattern_ReportsWorkflowIdInvalidOnItsLine(string workflowId)
    {
        var yaml = WorkflowYaml.Minimal().WithHeader($"workflow_id: \"{workflowId}\"");

        var error = yaml.Read().ShouldHaveOnlyError("workflow_id.invalid");

        error.Message.ShouldContain($"'{workflowId}'");
        error.Line.ShouldBe(yaml.LineOf("workflow_id:"));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("raster.ingest-v2_b")]
    [InlineData("a012345678901234567890123456789012345678901234567890123456789012")]
    public void Read_WhenWorkflowIdMatchesPattern_Loads(string workflowId)
    {
        var definition = WorkflowYaml.Minimal().WithHeader($"workflow_id: {workflowId}").Read().ShouldBeValid();

        definition.WorkflowId.ShouldBe(workflowId);
    }

    [Fact]
    public void Read_WhenNameIsMissing_ReportsNameRequiredOnFirstLine()
    {
        var yaml = WorkflowYaml.Minimal().WithoutHeader("name");

        var error = yaml.Read().ShouldHaveOnlyError("name.required");

        error.Message.ShouldContain("'name'");
        error.Line.ShouldBe(1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Read_WhenVersionIsBelowOne_ReportsVersionRangeOnItsLine(int version)
    {
        var yaml = WorkflowYaml.Minimal().WithHeader($"version: {version}");

        var error = yaml.Read().ShouldHaveOnlyError("version.range");

        error.Message.ShouldContain("'version'");
        error.Message.ShouldContain($"not {version}");
        error.Line.ShouldBe(yaml.LineOf("version:"));
    }

    [Fact]
    public void Read_WhenVersionIsOmitted_DefaultsToOne()
    {
        var definition = WorkflowYaml.Minimal().WithoutHeader("version").Read().ShouldBeValid();

        definition.Version.ShouldBe(1);
    }

    [Fact]
    public void Read_WhenNodesAreMissing_ReportsNodesRequired()
    {
        var yaml = WorkflowYaml.Empty();

        var error = yaml.Read().ShouldHaveOnlyError("nodes.required");

        error.Message.ShouldContain("'nodes'");
        error.Line.ShouldBe(1);
    }

    [Fact]
    public void Read_WhenDescriptionAndTimeoutAreGiven_KeepsThem()
    {
        var definition = WorkflowYaml.Minimal()
            .WithHeader("description: Does the work")
            .WithHeader("timeout_seconds: 7200")
            .Read()
            .ShouldBeValid();

        definition.Description.ShouldBe("Does the work");
        definition.TimeoutSeconds.ShouldBe(7200);
    }
}
