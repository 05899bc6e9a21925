using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Infrastructure.Workflows;

public sealed class EdgeRulesTests
{
    [Fact]
    public void Read_WhenNextNamesUnknownNode_ReportsEdgeUnknownOnNextLine()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("work", "next: [end, ghost]");

        var error = yaml.Read().ShouldHaveOnlyError("edge.unknown");

        error.Message.ShouldContain("'work'");
        error.Message.ShouldContain("'ghost'");
        error.Message.ShouldContain("'next'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("work", "next"));
        error.NodeId.ShouldBe("work");
    }

    [Fact]
    public void Read_WhenDependsOnNamesUnknownNode_ReportsEdgeUnknownOnDependsOnLine()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("end", "depends_on: [work, ghost]");

        var error = yaml.Read().ShouldHaveOnlyError("edge.unknown");

        error.Message.ShouldContain("'end'");
        error.Message.ShouldContain("'ghost'");
        error.Message.ShouldContain("'depends_on'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("end", "depends_on"));
        error.NodeId.ShouldBe("end");
    }

    [Fact]
    public void Read_WhenDependsOnAnyOfNamesUnknownNode_ReportsEdgeUnknownOnDependsOnLine()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("end", "depends_on:", "  any_of: [work, ghost]");

        var error = yaml.Read().ShouldHaveOnlyError("edge.unknown");

        error.Message.ShouldContain("'ghost'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("end", "depends_on"));
        error.NodeId.ShouldBe("end");
    }

    [Fact]
    public void Read_WhenBranchNamesUnknownNode_ReportsEdgeUnknownOnBranchesLine()
    {
        var yaml = WorkflowYaml.Minimal()
            .WithNodeKey("start", "next: route")
            .WithNode("route", "type: conditional", "condition: \"{{ true }}\"", "branches:", "  true: work", "  false: ghost");

        var error = yaml.Read().ShouldHaveOnlyError("edge.unknown");

        error.Message.ShouldContain("'route'");
        error.Message.ShouldContain("'ghost'");
        error.Message.ShouldContain("'branches'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("route", "branches"));
        error.NodeId.ShouldBe("route");
    }

    [Fact]
    public void Read_WhenNextNamesItsOwnNode_ReportsEdgeSelfOnNextLine()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("work", "next: [work, end]");

        var error = yaml.Read().ShouldHaveOnlyError("edge.self");

        error.Message.ShouldContain("'work'");
        error.Message.ShouldContain("'next'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("work", "next"));
        error.NodeId.ShouldBe("work");
    }

    [Fact]
    public void Read_WhenDependsOnNamesItsOwnNode_ReportsEdgeSelfOnDependsOnLine()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("work", "depends_on: [start, work]");

        var error = yaml.Read().ShouldHaveOnlyError("edge.self");

        error.Message.ShouldContain("'work'");
        error.Message.ShouldContain("'depends_on'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("work", "depends_on"));
    }

    [Fact]
    public void Read_WhenEdgeIsWrittenAsNextOrAsDependsOn_BuildsTheSameEdge()
    {
        var asNext = WorkflowYaml.Minimal().Read().ShouldBeValid();
        var asDependsOn = WorkflowYaml.Minimal()
            .WithNode("start", "type: start")
            .WithNode("work", "type: task", "handler: echo", "depends_on: [start]")
            .WithNode("end", "type: end", "depends_on: work")
            .Read()
            .ShouldBeValid();

        foreach (var definition in new[] { asNext, asDependsOn })
        {
            definition.GetNode("start").Successors.ShouldBe(["work"]);
            definition.GetNode("work").AllOf.ShouldBe(["start"]);
            definition.GetNode("work").Successors.ShouldBe(["end"]);
            definition.GetNode("end").AllOf.ShouldBe(["work"]);
            definition.GetNode("end").AnyOf.ShouldBeEmpty();
        }
    }

    [Fact]
    public void Read_WhenSameEdgeIsWrittenBothWays_KeepsOneEdge()
    {
        var definition = WorkflowYaml.Minimal().WithNodeKey("end", "depends_on: [work]").Read().ShouldBeValid();

        definition.GetNode("work").Successors.ShouldBe(["end"]);
        definition.GetNode("end").AllOf.ShouldBe(["work"]);
    }

    [Fact]
    public void Read_WhenDependsOnIsAllOfAndAnyOfMap_FillsAllOfAndAnyOf()
    {
        var definition = WorkflowYaml.Minimal()
            .WithNodeKey("start", "next: [work, b, c]")
            .WithoutNodeKey("work", "next")
            .WithNode("b", "handler: echo")
            .WithNode("c", "handler: echo")
            .WithNode("end", "type: end", "depends_on:", "  all_of: [work]", "  any_of: [b, c]")
            .Read()
            .ShouldBeValid();

        var end = definition.GetNode("end");
        end.AllOf.ShouldBe(["work"]);
        end.AnyOf.ShouldBe(["b", "c"]);
        definition.GetNode("b").Successors.ShouldBe(["end"]);
        definition.GetNode("c").Successors.ShouldBe(["end"]);
    }

    [Fact]
    public void Read_WhenNextIsAList_AddsAnEdgeToEach()
    {
        var definition = WorkflowYaml.Minimal()
            .WithNodeKey("start", "next:", "  - work", "  - side")
            .WithNode("side", "handler: echo", "next: end")
            .Read()
            .ShouldBeValid();

        definition.GetNode("start").Successors.ShouldBe(["work", "side"]);
        definition.GetNode("end").AllOf.ShouldBe(["work", "side"], ignoreOrder: true);
    }
}
