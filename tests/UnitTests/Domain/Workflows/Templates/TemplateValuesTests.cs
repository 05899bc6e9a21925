using System.Text.Json;
using System.Text.Json.Nodes;
using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.UnitTests.Domain.Workflows.Templates;

public sealed class TemplateValuesTests
{
    [Fact]
    public void FromJson_WhenDocumentHasEveryKind_ConvertsToValueModel()
    {
        using var document = JsonDocument.Parse("""{"b":1,"a":[1.5,"x",true,null],"big":12345678901234567890,"f":2.0}""");

        var value = TemplateValues.FromJson(document.RootElement);

        var map = value.ShouldBeOfType<Dictionary<string, object?>>();
        map.Keys.ShouldBe(["b", "a", "big", "f"]);
        map["b"].ShouldBeExactly(1L);
        map["a"].ShouldBeExactly(new List<object?> { 1.5, "x", true, null });
        map["big"].ShouldBeExactly(12345678901234567890.0);
        map["f"].ShouldBeExactly(2.0);
    }

    [Fact]
    public void FromJsonNode_WhenNodesWrapClrValues_ConvertsToValueModel()
    {
        var node = new JsonObject
        {
            ["int"] = 5,
            ["double"] = 0.25,
            ["decimal"] = 1.5m,
            ["text"] = "t",
            ["list"] = new JsonArray(1, 2),
            ["none"] = null,
        };

        var map = TemplateValues.FromJsonNode(node).ShouldBeOfType<Dictionary<string, object?>>();

        map["int"].ShouldBeExactly(5L);
        map["double"].ShouldBeExactly(0.25);
        map["decimal"].ShouldBeExactly(1.5);
        map["text"].ShouldBe("t");
        map["list"].ShouldBeExactly(new List<object?> { 1L, 2L });
        map["none"].ShouldBeNull();
    }

    [Fact]
    public void FromJsonNode_WhenNodeWasParsed_ConvertsToValueModel()
    {
        var node = JsonNode.Parse("""{"n":7,"d":7.5}""");

        var map = TemplateValues.FromJsonNode(node).ShouldBeOfType<Dictionary<string, object?>>();

        map["n"].ShouldBeExactly(7L);
        map["d"].ShouldBeExactly(7.5);
    }

    [Fact]
    public void ToJson_WhenValueIsNested_WritesCompactJson()
    {
        var value = new Dictionary<string, object?>
        {
            ["a"] = new List<object?> { 1L, 2.5, "x", null, true },
            ["é"] = "<ü>",
        };

        TemplateValues.ToJson(value).ShouldBe("""{"a":[1,2.5,"x",null,true],"é":"<ü>"}""");
    }

    [Fact]
    public void ToJson_WhenValueIsNotFinite_WritesString()
    {
        TemplateValues.ToJson(new List<object?> { double.NaN }).ShouldBe("""["NaN"]""");
    }

    [Fact]
    public void ToJsonNode_WhenValueIsMap_RoundTripsThroughFromJsonNode()
    {
        var value = new Dictionary<string, object?> { ["a"] = new List<object?> { 1L, "b" }, ["c"] = null, ["d"] = 1.25 };

        var node = TemplateValues.ToJsonNode(value);

        node!.ToJsonString().ShouldBe("""{"a":[1,"b"],"c":null,"d":1.25}""");
        TemplateValues.ToJson(TemplateValues.FromJsonNode(node)).ShouldBe(node.ToJsonString());
    }

    [Fact]
    public void ToJsonNode_WhenValueIsUndefined_ReturnsNull()
    {
        TemplateValues.ToJsonNode(TemplateValues.Undefined).ShouldBeNull();
    }

    public static TheoryData<object?, bool> TruthinessCases => new()
    {
        { null, false },
        { TemplateValues.Undefined, false },
        { false, false },
        { true, true },
        { 0L, false },
        { 0, false },
        { 0.0, false },
        { 2L, true },
        { -0.5, true },
        { string.Empty, false },
        { "0", true },
        { new List<object?>(), false },
        { new List<object?> { null }, true },
        { new Dictionary<string, object?>(), false },
        { new Dictionary<string, object?> { ["a"] = null }, true },
    };

    [Theory]
    [MemberData(nameof(TruthinessCases))]
    public void IsTruthy_WhenValueGiven_FollowsPythonRules(object? value, bool expected)
    {
        TemplateValues.IsTruthy(value).ShouldBeExactly(expected);
    }

    public static TheoryData<object?, string> TextCases => new()
    {
        { "raw 'text'", "raw 'text'" },
        { null, string.Empty },
        { true, "true" },
        { false, "false" },
        { 42L, "42" },
        { -7, "-7" },
        { 2.5, "2.5" },
        { 0.1, "0.1" },
        { 1.0, "1" },
        { 1.5m, "1.5" },
        { new List<object?> { 1L, 2L }, "[1,2]" },
        { new Dictionary<string, object?> { ["a"] = "b" }, """{"a":"b"}""" },
    };

    [Theory]
    [MemberData(nameof(TextCases))]
    public void ToText_WhenValueGiven_FormatsForMixedText(object? value, string expected)
    {
        TemplateValues.ToText(value).ShouldBeExactly(expected);
    }

    [Fact]
    public void Normalize_WhenCallerPassesOtherNumericTypes_ConvertsToLongOrDouble()
    {
        TemplateValues.Normalize(5).ShouldBeExactly(5L);
        TemplateValues.Normalize((short)5).ShouldBeExactly(5L);
        TemplateValues.Normalize(2.5m).ShouldBe(2.5);
        TemplateValues.Normalize(0.5f).ShouldBe(0.5);
        TemplateValues.Normalize(ulong.MaxValue).ShouldBeOfType<double>();
    }

    [Fact]
    public void Normalize_WhenCallerPassesOtherCollections_CopiesIntoValueModel()
    {
        TemplateValues.Normalize(new Dictionary<string, int> { ["a"] = 1 })
            .ShouldBeExactly(new Dictionary<string, object?> { ["a"] = 1L });
        TemplateValues.Normalize(new[] { 1, 2 })
            .ShouldBeExactly(new List<object?> { 1L, 2L });
    }

    [Fact]
    public void Normalize_WhenValueIsJsonElement_ConvertsIt()
    {
        using var document = JsonDocument.Parse("[1]");

        TemplateValues.Normalize(document.RootElement).ShouldBeExactly(new List<object?> { 1L });
    }

    [Fact]
    public void IsUndefined_WhenSentinelGiven_ReturnsTrueOnlyForIt()
    {
        TemplateValues.IsUndefined(TemplateValues.Undefined).ShouldBeTrue();
        TemplateValues.IsUndefined(null).ShouldBeFalse();
    }
}
