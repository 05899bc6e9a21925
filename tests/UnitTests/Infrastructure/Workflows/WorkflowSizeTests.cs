using System.Text;
using DagMaster.Infrastructure.Workflows.Yaml;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Infrastructure.Workflows;

public sealed class WorkflowSizeTests
{
    /// <summary>start → n1 → … → n<paramref name="tasks"/> → end, each task's params reading its predecessor's output.</summary>
    public static string Chain(int tasks, string workflowId = "long_chain")
    {
        var yaml = new StringBuilder($"workflow_id: {workflowId}\nname: Long chain\nversion: 1\nnodes:\n  start:\n    type: start\n    next: n1\n");
        for (var i = 1; i <= tasks; i++)
        {
            var next = i == tasks ? "end" : $"n{i + 1}";
            var read = i == 1 ? "start" : $"n{i - 1}";
            yaml.Append($"  n{i}:\n    type: task\n    handler: echo\n    params:\n      previous: \"{{{{ nodes.{read}.status }}}}\"\n    next: {next}\n");
        }

        return yaml.Append("  end:\n    type: end\n").ToString();
    }

    [Fact]
    public void Read_WhenWorkflowHasMoreNodesThanTheLimit_RefusesItWithOnlyTheLimitError()
    {
        var result = new YamlWorkflowDefinitionReader().Read(Chain(1_999));

        var error = result.ShouldHaveOnlyError("nodes.limit");
        error.Message.ShouldBe("the workflow has 2,001 nodes; a workflow may have at most 2,000 (WORKFLOW_MAX_NODES)");
        error.Line.ShouldBe(4);
    }

    [Fact]
    public void Read_WhenWorkflowHasExactlyTheLimit_LoadsIt()
    {
        var definition = new YamlWorkflowDefinitionReader().Read(Chain(1_998)).ShouldBeValid();

        definition.Nodes.Count.ShouldBe(2_000);
    }

    [Fact]
    public void Read_WhenLimitIsConfiguredLower_RefusesWhatTheDefaultAccepts()
    {
        new YamlWorkflowDefinitionReader(maxNodes: 10).Read(Chain(9)).ShouldHaveOnlyError("nodes.limit");
    }

    [Fact]
    public void Read_WhenLongChainReadsAncestors_AllocatesLinearlyInTheNodes()
    {
        // 6,000 nodes, every task reading its predecessor: one ancestor set per node held ~18 million entries.
        var reader = new YamlWorkflowDefinitionReader(maxNodes: 10_000);
        var yaml = Chain(5_998);
        reader.Read(Chain(10)).ShouldBeValid(); // warm the reader's code paths up

        var before = GC.GetAllocatedBytesForCurrentThread();
        reader.Read(yaml).ShouldBeValid();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Parsing the YAML and building the draft take ~160 bytes per character; the ancestor sets took 1.8 GB.
        allocated.ShouldBeLessThan(256L * yaml.Length, $"{allocated:N0} bytes allocated for {yaml.Length:N0} characters of YAML");
    }
}
