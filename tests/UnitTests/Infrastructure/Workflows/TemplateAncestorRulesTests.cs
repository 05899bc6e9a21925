using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Infrastructure.Workflows;

/// <summary>A template may read the outputs of its node's ancestors only: direct, distant, through any_of, never a sibling.</summary>
public sealed class TemplateAncestorRulesTests
{
    /// <summary>start → a → b → c → end, and start → side → end beside them.</summary>
    private static WorkflowYaml Graph(string readerNode, string readTemplate) => new WorkflowYaml()
        .WithNode("start", "type: start", "next: [a, side]")
        .WithNode("a", "type: task", "handler: echo", "next: b")
        .WithNode("b", "type: task", "handler: echo", "next: c")
        .WithNode("c", "type: task", "handler: echo", "next: end")
        .WithNode("side", "type: task", "handler: echo", "next: end")
        .WithNode("end", "type: end")
        .WithNodeKey(readerNode, "params:", $"  value: \"{readTemplate}\"");

    [Theory]
    [InlineData("b", "{{ nodes.a.output }}")]
    [InlineData("c", "{{ nodes.a.output }}")]
    [InlineData("c", "{{ nodes.start.status }} {{ nodes.b.output }} {{ nodes.a.status }}")]
    public void Read_WhenTemplateReadsAnAncestor_LoadsIt(string reader, string template)
    {
        Graph(reader, template).Read().ShouldBeValid();
    }

    [Theory]
    [InlineData("c", "{{ nodes.side.output }}", "side")]
    [InlineData("side", "{{ nodes.c.output }}", "c")]
    [InlineData("a", "{{ nodes.b.output }}", "b")]
    [InlineData("b", "{{ nodes.b.output }}", "b")]
    public void Read_WhenTemplateReadsANodeThatIsNoAncestor_ReportsNotAncestor(string reader, string template, string read)
    {
        var error = Graph(reader, template).Read().ShouldHaveOnlyError("template.node.not_ancestor");

        error.NodeId.ShouldBe(reader);
        error.Message.ShouldContain($"reads node '{read}'");
    }

    [Fact]
    public void Read_WhenTemplateReadsThroughAnyOf_TreatsAnyOfAsAncestors()
    {
        var yaml = new WorkflowYaml()
            .WithNode("start", "type: start", "next: [a, b]")
            .WithNode("a", "type: task", "handler: echo")
            .WithNode("b", "type: task", "handler: echo")
            .WithNode("join", "type: task", "handler: echo", "depends_on:", "  any_of: [a, b]", "next: after")
            .WithNode("after", "type: task", "handler: echo", "params:", "  value: \"{{ nodes.a.status }}\"", "next: end")
            .WithNode("end", "type: end");

        yaml.Read().ShouldBeValid();
    }
}
