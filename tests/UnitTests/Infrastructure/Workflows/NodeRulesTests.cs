using DagMaster.Domain.Workflows;
using DagMaster.Infrastructure.Workflows.Yaml;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Infrastructure.Workflows;

public sealed class NodeRulesTests
{
    [Fact]
    public void Read_WhenTaskHasNoHandler_ReportsHandlerRequiredOnTheNode()
    {
        var yaml = WorkflowYaml.Minimal().WithoutNodeKey("work", "handler");

        var error = yaml.Read().ShouldHaveOnlyError("task.handler.required");

        error.Message.ShouldContain("'work'");
        error.Message.ShouldContain("'handler'");
        error.Line.ShouldBe(yaml.LineOfNode("work"));
        error.NodeId.ShouldBe("work");
    }

    [Fact]
    public void Read_WhenTaskHandlerIsBlank_ReportsHandlerRequired()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("work", "handler: \" \"");

        var error = yaml.Read().ShouldHaveOnlyError("task.handler.required");

        error.Line.ShouldBe(yaml.LineOfNode("work"));
    }

    [Fact]
    public void Read_WhenStartNodeHasHandler_ReportsKeyNotApplicableOnHandlerLine()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("start", "handler: echo");

        var error = yaml.Read().ShouldHaveOnlyError("node.key.not_applicable");

        error.Message.ShouldContain("'handler'");
        error.Message.ShouldContain("start node 'start'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("start", "handler"));
        error.NodeId.ShouldBe("start");
    }

    [Theory]
    [InlineData("source: \"{{ inputs.items }}\"")]
    [InlineData("max_parallel: 2")]
    [InlineData("aggregation: sum")]
    [InlineData("condition_field: \"{{ inputs.size }}\"")]
    [InlineData("condition: \"{{ true }}\"")]
    [InlineData("task: {handler: echo}")]
    public void Read_WhenTaskNodeHasKeyOfAnotherType_ReportsKeyNotApplicableOnThatKey(string line)
    {
        var key = line.Split(':')[0];
        var yaml = WorkflowYaml.Minimal().WithNodeKey("work", line);

        var error = yaml.Read().ShouldHaveOnlyError("node.key.not_applicable");

        error.Message.ShouldContain($"'{key}'");
        error.Message.ShouldContain("task node 'work'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("work", key));
    }

    [Theory]
    [InlineData("handler: echo")]
    [InlineData("queue: q")]
    [InlineData("params: {a: 1}")]
    [InlineData("timeout_seconds: 60")]
    [InlineData("retry: {max_attempts: 2}")]
    [InlineData("priority: 5")]
    public void Read_WhenEndNodeHasTaskKey_ReportsKeyNotApplicableOnThatKey(string line)
    {
        var key = line.Split(':')[0];
        var yaml = WorkflowYaml.Minimal().WithNodeKey("end", line);

        var error = yaml.Read().ShouldHaveOnlyError("node.key.not_applicable");

        error.Message.ShouldContain($"'{key}'");
        error.Message.ShouldContain("end node 'end'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("end", key));
    }

    [Fact]
    public void Read_WhenTypeIsOmitted_MakesATaskNode()
    {
        var definition = WorkflowYaml.Minimal().WithoutNodeKey("work", "type").Read().ShouldBeValid();

        var work = definition.GetNode("work");
        work.Type.ShouldBe(NodeType.Task);
        var task = work.Task.ShouldNotBeNull();
        task.Handler.ShouldBe("echo");
        task.Queue.ShouldBeNull();
        task.Params.ShouldBeEmpty();
        task.TimeoutSeconds.ShouldBe(TaskSpec.DefaultTimeoutSeconds);
        task.Priority.ShouldBeNull();
        work.Retry.ShouldBe(RetryPolicy.Default);
    }

    [Fact]
    public void Read_WhenTypeIsUnknown_ReportsTypeInvalidOnTypeLine()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("work", "type: tsak");

        var error = yaml.Read().ShouldHaveError("node.type.invalid");

        error.Message.ShouldContain("'work'");
        error.Message.ShouldContain("'tsak'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("work", "type"));
        error.NodeId.ShouldBe("work");
    }

    [Fact]
    public void Read_WhenTypeIsUnknown_NamesEveryKnownType()
    {
        var error = WorkflowYaml.Minimal().WithNodeKey("work", "type: fan_inn").Read().ShouldHaveError("node.type.invalid");

        error.Message.ShouldBe("node 'work' has unknown type 'fan_inn' (expected start, end, task, conditional, fan_out or fan_in)");
    }

    [Fact]
    public void Read_WhenTypeIsUnknown_ChecksTheNodeAsNoOtherType()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("work", "type: fan_inn").WithNodeKey("work", "aggregation: average");

        var result = yaml.Read();

        result.ShouldHaveError("node.type.invalid").Line.ShouldBe(yaml.LineOfNodeKey("work", "type"));
        result.Errors.ShouldNotContain(e => e.NodeId == "work" && e.Code != "node.type.invalid");
    }

    [Fact]
    public void Read_WhenListFormNodeHasUnknownType_ReportsTypeInvalidOnTypeLine()
    {
        const string yaml = """
            workflow_id: test_flow
            name: Test flow
            nodes:
              - id: start
                type: start
                next: work
              - id: work
                type: sub_workflow
                handler: echo
                next: end
              - id: end
                type: end
            """;

        var error = new YamlWorkflowDefinitionReader().Read(yaml).ShouldHaveError("node.type.invalid");

        error.Line.ShouldBe(8);
        error.NodeId.ShouldBe("work");
        error.Message.ShouldContain("'sub_workflow'");
    }

    [Theory]
    [InlineData("9lost")]
    [InlineData("_lost")]
    [InlineData("lost.node")]
    [InlineData("lost node")]
    [InlineData("a0123456789012345678901234567890123456789012345678901234567890123")]
    public void Read_WhenNodeIdBreaksPattern_ReportsNodeIdInvalidOnTheNode(string id)
    {
        var yaml = WorkflowYaml.Minimal().WithNode(id, "type: end");

        var error = yaml.Read().ShouldHaveOnlyError("node.id.invalid");

        error.Message.ShouldContain($"'{id}'");
        error.Line.ShouldBe(yaml.LineOfNode(id));
        error.NodeId.ShouldBe(id);
    }

    [Theory]
    [InlineData("B")]
    [InlineData("Validate-Raster_2")]
    [InlineData("a012345678901234567890123456789012345678901234567890123456789012")]
    public void Read_WhenNodeIdMatchesPattern_Loads(string id)
    {
        var definition = WorkflowYaml.Minimal().WithNodeKey("start", $"next: [work, {id}]").WithNode(id, "type: end").Read().ShouldBeValid();

        definition.GetNode(id).Type.ShouldBe(NodeType.End);
    }

    [Fact]
    public void Read_WhenNodeIdContainsDoubleUnderscore_ReportsNodeIdReserved()
    {
        var yaml = WorkflowYaml.Minimal().WithNode("split__0", "type: end");

        var error = yaml.Read().ShouldHaveOnlyError("node.id.reserved");

        error.Message.ShouldContain("'split__0'");
        error.Message.ShouldContain("'__'");
        error.Line.ShouldBe(yaml.LineOfNode("split__0"));
        error.NodeId.ShouldBe("split__0");
    }

    [Fact]
    public void Read_WhenListFormRepeatsNodeId_ReportsNodeIdDuplicateOnTheSecond()
    {
        const string yaml = """
            workflow_id: test_flow
            name: Test flow
            nodes:
              - id: start
                type: start
                next: work
              - id: work
                handler: echo
                next: end
              - id: work
                handler: other
              - id: end
                type: end
            """;

        var error = new YamlWorkflowDefinitionReader().Read(yaml).ShouldHaveOnlyError("node.id.duplicate");

        error.Message.ShouldContain("'work'");
        error.Line.ShouldBe(10);
        error.NodeId.ShouldBe("work");
    }

    [Fact]
    public void Read_WhenListFormNodeHasNoId_ReportsNodeIdRequiredOnThatItem()
    {
        const string yaml = """
            workflow_id: test_flow
            name: Test flow
            nodes:
              - id: start
                type: start
                next: end
              - handler: echo
              - id: end
                type: end
            """;

        var error = new YamlWorkflowDefinitionReader().Read(yaml).ShouldHaveOnlyError("node.id.required");

        error.Message.ShouldContain("'id'");
        error.Line.ShouldBe(7);
    }

    [Fact]
    public void Read_WhenNodeHasDescription_KeepsIt()
    {
        var definition = WorkflowYaml.Minimal().WithNodeKey("work", "description: Does the work").Read().ShouldBeValid();

        definition.GetNode("work").Description.ShouldBe("Does the work");
    }
}
