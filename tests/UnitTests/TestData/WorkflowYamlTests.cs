namespace DagMaster.UnitTests.TestData;

/// <summary>The builder the rule tests take their expected lines from must itself count lines right.</summary>
public sealed class WorkflowYamlTests
{
    [Fact]
    public void ToString_WhenMinimal_RendersStartWorkEndInMapForm()
    {
        WorkflowYaml.Minimal().ToString().ShouldBe("""
            workflow_id: test_flow
            name: Test flow
            version: 1
            nodes:
              start:
                type: start
                next: work
              work:
                type: task
                handler: echo
                next: end
              end:
                type: end

            """.Replace("\r\n", "\n"));
    }

    [Fact]
    public void LineOfNodeKey_WhenKeyIsReplacedAndSectionAdded_CountsFromOne()
    {
        var yaml = WorkflowYaml.Minimal()
            .WithSection("inputs:", "  a: {type: string}")
            .WithNodeKey("work", "retry:", "  max_attempts: 2")
            .WithNodeKey("work", "handler: other");

        yaml.LineOf("inputs:").ShouldBe(4);
        yaml.LineOfNode("start").ShouldBe(7);
        yaml.LineOfNodeKey("work", "handler").ShouldBe(12);
        yaml.LineOfNodeKey("work", "retry").ShouldBe(14);
        yaml.LineOf("max_attempts: 2").ShouldBe(15);
        yaml.LineOfNodeKey("end", "type").ShouldBe(17);
    }

    [Fact]
    public void LineOf_WhenTextIsOnSeveralLines_Throws()
    {
        Should.Throw<InvalidOperationException>(() => WorkflowYaml.Minimal().LineOf("type:"));
    }
}
