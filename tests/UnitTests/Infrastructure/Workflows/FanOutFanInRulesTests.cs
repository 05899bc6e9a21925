using DagMaster.Domain.Workflows;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Infrastructure.Workflows;

public sealed class FanOutFanInRulesTests
{
    /// <summary>start → split (fan_out over inputs.items) → merge (fan_in) → end.</summary>
    private static WorkflowYaml FanOut() => WorkflowYaml.Minimal()
        .WithSection("inputs:", "  items:", "    type: array")
        .WithNodeKey("start", "next: split")
        .WithoutNode("work")
        .WithNode("split", FanOutLines("merge"))
        .WithNode("merge", "type: fan_in", "next: end");

    private static string[] FanOutLines(string next) =>
        ["type: fan_out", "source: \"{{ inputs.items }}\"", "task:", "  handler: echo", "  params: {tile: \"{{ item }}\"}", $"next: {next}"];

    [Fact]
    public void Read_WhenFanOutFeedsFanIn_LinksFanInToItsFanOut()
    {
        var definition = FanOut()
            .WithNodeKey("split", "max_parallel: 4")
            .WithNodeKey("merge", "aggregation: sum")
            .Read()
            .ShouldBeValid();

        var split = definition.GetNode("split");
        split.FanOutSource.ShouldBe("{{ inputs.items }}");
        split.MaxParallel.ShouldBe(4);
        split.Task.ShouldNotBeNull().Handler.ShouldBe("echo");
        split.Task.Params["tile"].ShouldBe("{{ item }}");
        var merge = definition.GetNode("merge");
        merge.AggregatedFanOut.ShouldBe("split");
        merge.Aggregation.ShouldBe(FanInAggregation.Sum);
    }

    [Fact]
    public void Read_WhenTasksStandBetweenFanOutAndFanIn_LinksFanInToTheFanOut()
    {
        var definition = FanOut()
            .WithNodeKey("split", "next: work")
            .WithNode("work", "handler: echo", "next: merge")
            .Read()
            .ShouldBeValid();

        definition.GetNode("merge").AggregatedFanOut.ShouldBe("split");
    }

    [Fact]
    public void Read_WhenFanOutHasNoSource_ReportsSourceRequiredOnTheNode()
    {
        var yaml = FanOut().WithoutNodeKey("split", "source");

        var error = yaml.Read().ShouldHaveOnlyError("fan_out.source.required");

        error.Message.ShouldContain("'split'");
        error.Message.ShouldContain("'source'");
        error.Line.ShouldBe(yaml.LineOfNode("split"));
        error.NodeId.ShouldBe("split");
    }

    [Fact]
    public void Read_WhenFanOutHasNoTask_ReportsTaskRequiredOnTheNode()
    {
        var yaml = FanOut().WithoutNodeKey("split", "task");

        var error = yaml.Read().ShouldHaveOnlyError("fan_out.task.required");

        error.Message.ShouldContain("'split'");
        error.Message.ShouldContain("'task'");
        error.Line.ShouldBe(yaml.LineOfNode("split"));
        error.NodeId.ShouldBe("split");
    }

    [Fact]
    public void Read_WhenFanOutTaskHasNoHandler_ReportsHandlerRequiredOnTaskLine()
    {
        var yaml = FanOut().WithNodeKey("split", "task:", "  queue: tiles", "  params: {tile: \"{{ item }}\"}");

        var error = yaml.Read().ShouldHaveOnlyError("task.handler.required");

        error.Message.ShouldContain("'split'");
        error.Message.ShouldContain("'handler'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("split", "task"));
        error.NodeId.ShouldBe("split");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Read_WhenMaxParallelIsBelowOne_ReportsMaxParallelRangeOnItsLine(int maxParallel)
    {
        var yaml = FanOut().WithNodeKey("split", $"max_parallel: {maxParallel}");

        var error = yaml.Read().ShouldHaveOnlyError("max_parallel.range");

        error.Message.ShouldContain("'max_parallel'");
        error.Message.ShouldContain("'split'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("split", "max_parallel"));
        error.NodeId.ShouldBe("split");
    }

    [Fact]
    public void Read_WhenFanInHasNoUpstreamFanOut_ReportsNoFanOutOnTheFanIn()
    {
        var yaml = WorkflowYaml.Minimal()
            .WithNodeKey("work", "next: merge")
            .WithNode("merge", "type: fan_in", "next: end");

        var error = yaml.Read().ShouldHaveOnlyError("fan_in.no_fan_out");

        error.Message.ShouldContain("'merge'");
        error.Line.ShouldBe(yaml.LineOfNode("merge"));
        error.NodeId.ShouldBe("merge");
    }

    [Fact]
    public void Read_WhenOnePathIntoFanInHasNoFanOut_ReportsNoFanOut()
    {
        var yaml = FanOut().WithNodeKey("start", "next: [split, merge]");

        var error = yaml.Read().ShouldHaveOnlyError("fan_in.no_fan_out");

        error.Message.ShouldContain("'merge'");
        error.Line.ShouldBe(yaml.LineOfNode("merge"));
    }

    [Fact]
    public void Read_WhenFanInIsReachedFromTwoFanOuts_ReportsManyFanOutsNamingBoth()
    {
        var yaml = FanOut()
            .WithNodeKey("start", "next: [split, other]")
            .WithNode("other", FanOutLines("merge"));

        var error = yaml.Read().ShouldHaveOnlyError("fan_in.many_fan_outs");

        error.Message.ShouldContain("'merge'");
        error.Message.ShouldContain("(other, split)");
        error.Line.ShouldBe(yaml.LineOfNode("merge"));
        error.NodeId.ShouldBe("merge");
    }

    [Fact]
    public void Read_WhenFanOutsAreNestedBeforeOneFanIn_ReportsNested()
    {
        var yaml = FanOut()
            .WithNodeKey("split", "next: inner")
            .WithNode("inner", FanOutLines("merge"));

        var error = yaml.Read().ShouldHaveOnlyError("fan_in.nested");

        error.Message.ShouldContain("'merge'");
        error.Line.ShouldBe(yaml.LineOfNode("merge"));
    }

    [Fact]
    public void Read_WhenFanOutsFollowOneAnother_LinksEachFanInToItsOwn()
    {
        var definition = FanOut()
            .WithNodeKey("merge", "next: again")
            .WithNode("again", FanOutLines("again_merge"))
            .WithNode("again_merge", "type: fan_in", "next: end")
            .Read()
            .ShouldBeValid();

        definition.GetNode("merge").AggregatedFanOut.ShouldBe("split");
        definition.GetNode("again_merge").AggregatedFanOut.ShouldBe("again");
    }

    [Theory]
    [InlineData("collect", FanInAggregation.Collect)]
    [InlineData("concat", FanInAggregation.Concat)]
    [InlineData("sum", FanInAggregation.Sum)]
    [InlineData("first", FanInAggregation.First)]
    [InlineData("last", FanInAggregation.Last)]
    public void Read_WhenAggregationIsKnown_SetsIt(string text, FanInAggregation expected)
    {
        var definition = FanOut().WithNodeKey("merge", $"aggregation: {text}").Read().ShouldBeValid();

        definition.GetNode("merge").Aggregation.ShouldBe(expected);
    }

    [Fact]
    public void Read_WhenAggregationIsUnknown_ReportsAggregationInvalidOnItsLine()
    {
        var yaml = FanOut().WithNodeKey("merge", "aggregation: average");

        var error = yaml.Read().ShouldHaveOnlyError("fan_in.aggregation.invalid");

        error.Message.ShouldContain("'merge'");
        error.Message.ShouldContain("'average'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("merge", "aggregation"));
        error.NodeId.ShouldBe("merge");
    }
}
