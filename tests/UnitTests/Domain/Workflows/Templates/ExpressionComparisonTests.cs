using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.UnitTests.Domain.Workflows.Templates;

public sealed class ExpressionComparisonTests
{
    [Theory]
    [InlineData("1 == 1", true)]
    [InlineData("1 == 1.0", true)]
    [InlineData("inputs.count == 3.0", true)]
    [InlineData("1 == 2", false)]
    [InlineData("1 != 2", true)]
    [InlineData("'a' == 'a'", true)]
    [InlineData("'a' == 'A'", false)]
    [InlineData("'1' == 1", false)]
    [InlineData("true == 1", false)]
    [InlineData("false == 0", false)]
    [InlineData("none == none", true)]
    [InlineData("inputs.nothing == none", true)]
    [InlineData("inputs.missing == none", true)]
    [InlineData("inputs.missing != none", false)]
    [InlineData("none == 0", false)]
    [InlineData("inputs.items == [1, 2, 3]", true)]
    [InlineData("inputs.items == [1.0, 2, 3]", true)]
    [InlineData("inputs.items == [1, 2]", false)]
    [InlineData("inputs.tags == ['dem', 'nir']", true)]
    [InlineData("inputs.meta == inputs.meta", true)]
    [InlineData("inputs.meta == nodes.step_one.output", false)]
    [InlineData("inputs.big == 9007199254740992", false)]
    [InlineData("inputs.big == 9007199254740992.0", false)]
    public void Evaluate_WhenComparingForEquality_NeverFailsAndComparesByValue(string expression, bool expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Theory]
    [InlineData("1 < 2", true)]
    [InlineData("2 < 2", false)]
    [InlineData("2 <= 2", true)]
    [InlineData("3 <= 2", false)]
    [InlineData("3 > 2", true)]
    [InlineData("2 > 2", false)]
    [InlineData("2 >= 2", true)]
    [InlineData("1 >= 2", false)]
    [InlineData("2<=2", true)]
    [InlineData("2>=3", false)]
    [InlineData("2<3", true)]
    [InlineData("1 < 1.5", true)]
    [InlineData("2.5 > 2", true)]
    [InlineData("-1 < 0", true)]
    [InlineData("inputs.count >= 3", true)]
    [InlineData("inputs.ratio < inputs.count", true)]
    [InlineData("'abc' < 'abd'", true)]
    [InlineData("'B' < 'a'", true)]
    [InlineData("'b' >= 'b'", true)]
    public void Evaluate_WhenOrdering_ComparesNumbersNumericallyAndStringsOrdinally(string expression, bool expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Fact]
    public void Evaluate_WhenComparingValidateRasterOutput_UsesNumericComparisonOfLongAndDouble()
    {
        TemplateTestScope.Evaluate("nodes.validate_raster.output.estimated_compressed_mb > inputs.tiling_threshold_mb")
            .ShouldBeExactly(true);
    }

    [Fact]
    public void Evaluate_WhenOrderingStringAgainstNumber_ThrowsTypeErrorNamingBothTypes()
    {
        var error = Should.Throw<TemplateTypeException>(() => TemplateTestScope.Evaluate("\"50\" < 100"));

        error.Message.ShouldContain("string");
        error.Message.ShouldContain("integer");
        error.Message.ShouldContain("'<'");
        error.Template.ShouldBe("\"50\" < 100");
        error.MissingPath.ShouldBeNull();
    }

    [Theory]
    [InlineData("inputs.size < 100")]
    [InlineData("none < 1")]
    [InlineData("inputs.nothing >= 0")]
    [InlineData("true > 0")]
    [InlineData("[1] < [2]")]
    [InlineData("inputs.meta <= inputs.meta")]
    public void Evaluate_WhenOrderingIncompatibleTypes_ThrowsTypeError(string expression)
    {
        Should.Throw<TemplateTypeException>(() => TemplateTestScope.Evaluate(expression));
    }

    [Fact]
    public void Evaluate_WhenOrderingUndefined_ThrowsTypeErrorNamingMissingPath()
    {
        var error = Should.Throw<TemplateTypeException>(() => TemplateTestScope.Evaluate("1 < inputs.missing"));

        error.MissingPath.ShouldBe("inputs.missing");
        error.Message.ShouldContain("inputs.missing");
    }

    [Theory]
    [InlineData("2 in inputs.items", true)]
    [InlineData("2.0 in inputs.items", true)]
    [InlineData("5 in inputs.items", false)]
    [InlineData("5 not in inputs.items", true)]
    [InlineData("'dem' in inputs.tags", true)]
    [InlineData("'DEM' in inputs.tags", false)]
    [InlineData("'dem' in ['dem', 'nir']", true)]
    [InlineData("none in [1, none]", true)]
    [InlineData("[1] in [[1], [2]]", true)]
    [InlineData("'ell' in inputs.message", true)]
    [InlineData("'xyz' in inputs.message", false)]
    [InlineData("'xyz' not in inputs.message", true)]
    [InlineData("'' in inputs.message", true)]
    [InlineData("'owner' in inputs.meta", true)]
    [InlineData("'ops' in inputs.meta", false)]
    [InlineData("'ops' not in inputs.meta", true)]
    [InlineData("1 in inputs.meta", false)]
    public void Evaluate_WhenTestingMembership_ChecksListElementsSubstringsAndMapKeys(string expression, bool expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Theory]
    [InlineData("1 in 5")]
    [InlineData("1 in inputs.message")]
    [InlineData("'a' in none")]
    [InlineData("'a' not in true")]
    public void Evaluate_WhenMembershipRightSideIsNotAContainer_ThrowsTypeError(string expression)
    {
        Should.Throw<TemplateTypeException>(() => TemplateTestScope.Evaluate(expression));
    }

    [Fact]
    public void Evaluate_WhenMembershipContainerIsUndefined_ThrowsNamingMissingPath()
    {
        var error = Should.Throw<TemplateTypeException>(() => TemplateTestScope.Evaluate("'a' in inputs.missing"));

        error.MissingPath.ShouldBe("inputs.missing");
    }

    [Fact]
    public void Parse_WhenComparisonsAreChained_ThrowsSyntaxError()
    {
        var error = Should.Throw<TemplateSyntaxException>(() => Expression.Parse("1 < 2 < 3"));

        error.Position.ShouldBe(6);
        error.Message.ShouldContain("chained");
    }
}
