using DagMaster.Domain.Workflows;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Infrastructure.Workflows;

public sealed class GraphRulesTests
{
    [Fact]
    public void Read_WhenThereIsNoStartNode_ReportsStartCountOnNodesLine()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("start", "type: task").WithNodeKey("start", "handler: echo");

        var error = yaml.Read().ShouldHaveOnlyError("start.count");

        error.Message.ShouldContain("start node");
        error.Message.ShouldContain("none");
        error.Line.ShouldBe(yaml.LineOf("nodes:"));
    }

    [Fact]
    public void Read_WhenThereAreTwoStartNodes_ReportsStartCountOnTheSecond()
    {
        var yaml = WorkflowYaml.Minimal().WithNode("again", "type: start", "next: work");

        var error = yaml.Read().ShouldHaveOnlyError("start.count");

        error.Message.ShouldContain("'again'");
        error.Message.ShouldContain("'start'");
        error.Line.ShouldBe(yaml.LineOfNode("again"));
        error.NodeId.ShouldBe("again");
    }

    [Fact]
    public void Read_WhenThereIsNoEndNode_ReportsEndCountOnNodesLine()
    {
        var yaml = WorkflowYaml.Minimal().WithoutNode("end").WithoutNodeKey("work", "next");

        var error = yaml.Read().ShouldHaveOnlyError("end.count");

        error.Message.ShouldContain("end node");
        error.Line.ShouldBe(yaml.LineOf("nodes:"));
    }

    [Fact]
    public void Read_WhenSeveralEndNodesAreReachable_Loads()
    {
        var definition = WorkflowYaml.Minimal()
            .WithNodeKey("start", "next: [work, done]")
            .WithNode("done", "type: end")
            .Read()
            .ShouldBeValid();

        definition.Nodes.Count(n => n.Type == NodeType.End).ShouldBe(2);
    }

    [Fact]
    public void Read_WhenEndNodeHasNext_ReportsEndNextOnTheNextLine()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("end", "next: after").WithNode("after", "type: end");

        var error = yaml.Read().ShouldHaveOnlyError("end.next");

        error.Message.ShouldContain("'end'");
        error.Message.ShouldContain("'next'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("end", "next"));
        error.NodeId.ShouldBe("end");
    }

    [Fact]
    public void Read_WhenStartNodeHasDependsOn_ReportsStartDependsOnOnItsLine()
    {
        var yaml = WorkflowYaml.Minimal()
            .WithNodeKey("start", "depends_on: [before]")
            .WithNode("before", "handler: echo", "next: end");

        var result = yaml.Read();

        var error = result.ShouldHaveError("start.depends_on");
        error.Message.ShouldContain("'start'");
        error.Message.ShouldContain("'depends_on'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("start", "depends_on"));
        error.NodeId.ShouldBe("start");
        result.Errors.Select(e => e.Code).ShouldBe(["start.depends_on", "graph.unreachable"], ignoreOrder: true);
    }

    [Fact]
    public void Read_WhenTwoNodesFormACycle_ReportsCycleWithItsPath()
    {
        var yaml = WorkflowYaml.Minimal()
            .WithNodeKey("start", "next: a")
            .WithNode("a", "handler: echo", "next: b")
            .WithNode("b", "handler: echo", "next: [a, end]");

        var error = yaml.Read().ShouldHaveOnlyError("graph.cycle");

        error.Message.ShouldContain("a → b → a");
        error.Line.ShouldBe(yaml.LineOfNode("a"));
        error.NodeId.ShouldBe("a");
    }

    [Fact]
    public void Read_WhenCycleIsWrittenWithDependsOn_ReportsCycleWithItsPath()
    {
        var yaml = WorkflowYaml.Minimal()
            .WithNodeKey("start", "next: a")
            .WithNode("a", "handler: echo", "depends_on: [c]")
            .WithNode("b", "handler: echo", "depends_on: [a]")
            .WithNode("c", "handler: echo", "depends_on: [b]", "next: end");

        var error = yaml.Read().ShouldHaveOnlyError("graph.cycle");

        error.Message.ShouldContain("a → b → c → a");
        error.Line.ShouldBe(yaml.LineOfNode("a"));
    }

    [Fact]
    public void Read_WhenNodeIsNotReachableFromStart_ReportsUnreachableOnThatNode()
    {
        var yaml = WorkflowYaml.Minimal().WithNode("orphan", "handler: echo", "next: end");

        var error = yaml.Read().ShouldHaveOnlyError("graph.unreachable");

        error.Message.ShouldContain("'orphan'");
        error.Line.ShouldBe(yaml.LineOfNode("orphan"));
        error.NodeId.ShouldBe("orphan");
    }

    [Fact]
    public void Read_WhenNoEndIsReachableFromNode_ReportsDeadEndOnThatNode()
    {
        var yaml = WorkflowYaml.Minimal()
            .WithNodeKey("start", "next: [work, stuck]")
            .WithNode("stuck", "handler: echo");

        var error = yaml.Read().ShouldHaveOnlyError("graph.dead_end");

        error.Message.ShouldContain("'stuck'");
        error.Line.ShouldBe(yaml.LineOfNode("stuck"));
        error.NodeId.ShouldBe("stuck");
    }

    [Fact]
    public void Read_WhenGraphIsValid_OrdersNodesTopologically()
    {
        var definition = WorkflowYaml.Minimal()
            .WithNodeKey("start", "next: [work, side]")
            .WithNode("end", "type: end", "depends_on: [work, side]")
            .WithNodeKey("work", "next: side")
            .WithNode("side", "handler: echo")
            .Read()
            .ShouldBeValid();

        definition.Nodes.Select(n => n.Id).ShouldBe(["start", "work", "side", "end"]);
    }
}
