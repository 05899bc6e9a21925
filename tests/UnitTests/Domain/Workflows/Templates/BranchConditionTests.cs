using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.UnitTests.Domain.Workflows.Templates;

public sealed class BranchConditionTests
{
    [Theory]
    [InlineData("< 100", 99L, true)]
    [InlineData("< 100", 100L, false)]
    [InlineData("<= 100", 100L, true)]
    [InlineData("<= 100", 100.5, false)]
    [InlineData("<100", 99.9, true)]
    [InlineData("<=100", 100L, true)]
    [InlineData("> 100", 100L, false)]
    [InlineData(">= 100", 100L, true)]
    [InlineData(">= 100", 99L, false)]
    [InlineData("== 'x'", "x", true)]
    [InlineData("== 'x'", "y", false)]
    [InlineData("!= 'x'", "y", true)]
    [InlineData("== none", null, true)]
    [InlineData("  == 5", 5L, true)]
    [InlineData("in ['dem', 'nir']", "dem", true)]
    [InlineData("in ['dem', 'nir']", "rgb", false)]
    [InlineData("in['dem']", "dem", true)]
    [InlineData("not in ['dem', 'nir']", "rgb", true)]
    [InlineData("not in ['dem', 'nir']", "nir", false)]
    [InlineData("in 'abcdef'", "cd", true)]
    [InlineData("< 100 and value > 10", 50L, true)]
    [InlineData("< 100 and value > 10", 5L, false)]
    public void Evaluate_WhenShorthandCondition_ComparesValue(string condition, object? value, bool expected)
    {
        var parsed = BranchCondition.Parse(condition);

        parsed.IsShorthand.ShouldBeTrue();
        parsed.Evaluate(TemplateTestScope.Create(), value).ShouldBe(expected);
    }

    [Theory]
    [InlineData("value in ['dem', 'nir'] and inputs.flag", "dem", true)]
    [InlineData("value in ['dem', 'nir'] and inputs.off", "dem", false)]
    [InlineData("value > inputs.tiling_threshold_mb", 600L, true)]
    [InlineData("value == nodes.step_one.output.echoed_params.message", "Hello", true)]
    [InlineData("{{ value < 100 }}", 10L, true)]
    [InlineData("  {{ value < 100 }} ", 200L, false)]
    [InlineData("{{ nodes.validate_raster.output.estimated_compressed_mb > inputs.tiling_threshold_mb }}", null, true)]
    [InlineData("inputs.message", null, true)]
    [InlineData("inputs.missing", null, false)]
    [InlineData("inputs.items | length", null, true)]
    [InlineData("value", 0L, false)]
    [InlineData("not value", "", true)]
    [InlineData("inputs.index", null, true)]
    [InlineData("nothing_value == none or false", null, true)]
    public void Evaluate_WhenFullExpression_UsesValueInputsAndNodes(string condition, object? value, bool expected)
    {
        var parsed = BranchCondition.Parse(condition);

        parsed.IsShorthand.ShouldBeFalse();
        parsed.Evaluate(TemplateTestScope.Create(), value).ShouldBe(expected);
    }

    [Fact]
    public void Evaluate_WhenShorthandComparesStringWithNumber_ThrowsTypeException()
    {
        var condition = BranchCondition.Parse("< 100");

        var error = Should.Throw<TemplateTypeException>(() => condition.Evaluate(TemplateTestScope.Create(), "50"));

        error.Template.ShouldBe("< 100");
        error.Message.ShouldContain("string");
        error.Message.ShouldContain("integer");
        error.Message.ShouldContain("in condition \"< 100\"");
    }

    [Fact]
    public void Evaluate_WhenScopeAlreadyHoldsValue_UsesIt()
    {
        var scope = TemplateTestScope.Create().With(BranchCondition.ValueName, 5L);

        BranchCondition.Parse("< 10").Evaluate(scope).ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_WhenValueIsUndefinedInShorthand_ThrowsTypeExceptionNamingValue()
    {
        var error = Should.Throw<TemplateTypeException>(() => BranchCondition.Parse("< 10").Evaluate(TemplateScope.Empty));

        error.MissingPath.ShouldBe("value");
    }

    [Fact]
    public void References_WhenShorthand_IncludesValueAndOperandPaths()
    {
        BranchCondition.Parse("in inputs.allowed").References.Select(r => r.ToString()).ShouldBe(["value", "inputs.allowed"]);
    }

    [Fact]
    public void References_WhenWrappedInBraces_ListsPaths()
    {
        BranchCondition.Parse("{{ nodes.validate_raster.output.estimated_compressed_mb > inputs.tiling_threshold_mb }}")
            .References.Select(r => r.ToString())
            .ShouldBe(["nodes.validate_raster.output.estimated_compressed_mb", "inputs.tiling_threshold_mb"]);
    }

    [Theory]
    [InlineData("< ", 2, "where a value was expected")]
    [InlineData("<= 100 100", 7, "after a complete expression")]
    [InlineData("< 1 < 2", 4, "chained")]
    [InlineData("in", 2, "where a value was expected")]
    [InlineData("value <", 7, "where a value was expected")]
    [InlineData("{{ value }} and more", 0, "exactly one expression")]
    [InlineData("{{ value < }}", 11, "where a value was expected")]
    [InlineData("", 0, "empty expression")]
    [InlineData("value =< 3", 6, "use '=='")]
    public void Parse_WhenConditionIsInvalid_ThrowsSyntaxErrorAtOriginalPosition(string condition, int position, string reason)
    {
        var error = Should.Throw<TemplateSyntaxException>(() => BranchCondition.Parse(condition));

        error.Text.ShouldBe(condition);
        error.Position.ShouldBe(position);
        error.Reason.ShouldContain(reason);
    }

    [Theory]
    [InlineData("inputs.strict")]
    [InlineData("index > 2")]
    [InlineData("none_left == 1")]
    [InlineData("not inputs.flag")]
    [InlineData("not_in_list")]
    public void Parse_WhenTextStartsWithWordThatLooksLikeOperator_ParsesFullExpression(string condition)
    {
        BranchCondition.Parse(condition).IsShorthand.ShouldBeFalse();
    }

    [Fact]
    public void TryParse_WhenConditionIsInvalid_ReturnsError()
    {
        BranchCondition.TryParse("< <", out var condition, out var error).ShouldBeFalse();

        condition.ShouldBeNull();
        error.ShouldNotBeNull().Position.ShouldBe(2);
    }
}
