using System.Text.Json.Nodes;
using DagMaster.Domain.Jobs;
using DagMaster.Domain.Workflows;

namespace DagMaster.UnitTests.Domain.Jobs;

/// <summary>The fan-in aggregations over outputs as storage returns them (jsonb's spacing, nulls for no output).</summary>
public sealed class FanInAggregatorTests
{
    private static readonly string?[] Mixed = ["""{"vals": [0, 0], "n": 1, "tag": "t"}""", null, "[5, 6]", "7"];

    [Fact]
    public void Collect_ListsEveryOutputAsStoredInIndexOrder()
    {
        var aggregate = FanInAggregator.Aggregate(FanInAggregation.Collect, Mixed);

        ShouldBeJson(aggregate, """{"results":[{"vals":[0,0],"n":1,"tag":"t"},null,[5,6],7],"count":4}""");
    }

    [Fact]
    public void Concat_SplicesListsAndAppendsScalars_WalkingObjectsInKeyOrder()
    {
        var aggregate = FanInAggregator.Aggregate(FanInAggregation.Concat, Mixed);

        ShouldBeJson(aggregate, """{"results":[1,"t",0,0,null,5,6,7],"count":8}""");
    }

    [Fact]
    public void Sum_AddsTopLevelNumbersOfObjects_AndStaysAnIntegerWhenAllAre()
    {
        var aggregate = FanInAggregator.Aggregate(FanInAggregation.Sum, [.. Mixed, """{"a": 2, "b": "3", "c": [4]}"""]);

        ShouldBeJson(aggregate, """{"total":3,"count":5}""");
        aggregate.ShouldContain("\"total\":3,");
    }

    [Fact]
    public void Sum_WithAFraction_IsAFraction()
    {
        var aggregate = FanInAggregator.Aggregate(FanInAggregation.Sum, ["""{"a": 1}""", """{"a": 1.5}"""]);

        ShouldBeJson(aggregate, """{"total":2.5,"count":2}""");
    }

    [Fact]
    public void FirstAndLast_CopyTheOutputAtEachEnd()
    {
        ShouldBeJson(FanInAggregator.Aggregate(FanInAggregation.First, Mixed), """{"result":{"n":1,"tag":"t","vals":[0,0]},"count":4}""");
        ShouldBeJson(FanInAggregator.Aggregate(FanInAggregation.Last, Mixed), """{"result":7,"count":4}""");
    }

    [Theory]
    [InlineData(FanInAggregation.Collect, """{"results":[],"count":0}""")]
    [InlineData(FanInAggregation.Concat, """{"results":[],"count":0}""")]
    [InlineData(FanInAggregation.Sum, """{"total":0,"count":0}""")]
    [InlineData(FanInAggregation.First, """{"result":null,"count":0}""")]
    [InlineData(FanInAggregation.Last, """{"result":null,"count":0}""")]
    public void NoOutputs_GiveAnEmptyAggregate(FanInAggregation aggregation, string expected) =>
        ShouldBeJson(FanInAggregator.Aggregate(aggregation, []), expected);

    private static void ShouldBeJson(string actual, string expected) =>
        JsonNode.DeepEquals(JsonNode.Parse(actual), JsonNode.Parse(expected)).ShouldBeTrue($"{actual} is not {expected}");
}
