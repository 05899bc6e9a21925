using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.UnitTests.Domain.Workflows.Templates;

public sealed class ExpressionFilterTests
{
    [Theory]
    [InlineData("inputs.missing | default('x')", "x")]
    [InlineData("inputs.nothing | default('x')", null)]
    [InlineData("inputs.empty | default('x')", "")]
    [InlineData("inputs.message | default('x')", "Hello")]
    [InlineData("inputs.missing | default('', true)", "")]
    [InlineData("inputs.nothing | default('', true)", "")]
    [InlineData("inputs.message | default('', true)", "Hello")]
    [InlineData("inputs.empty | default('auto', true)", "auto")]
    [InlineData("inputs.off | default('auto', true)", "auto")]
    [InlineData("0 | default(5, true)", 5L)]
    [InlineData("inputs.count | default(5, true)", 3L)]
    [InlineData("inputs.nothing | default('x', false)", null)]
    [InlineData("nodes.skipped.output.cog_blob | default('none')", "none")]
    [InlineData("inputs.missing | default(inputs.other_missing) | default(1)", 1L)]
    public void Evaluate_WhenDefaultFilterApplied_ReplacesUndefinedOrFalsyValues(string expression, object? expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Fact]
    public void Evaluate_WhenDefaultReplacesEmptyCollections_UsesTheDefault()
    {
        TemplateTestScope.Evaluate("[] | default([0], true)").ShouldBeExactly(new List<object?> { 0L });
    }

    [Theory]
    [InlineData("5 | int", 5L)]
    [InlineData("2.9 | int", 2L)]
    [InlineData("-2.9 | int", -2L)]
    [InlineData("'5' | int", 5L)]
    [InlineData("' 7 ' | int", 7L)]
    [InlineData("'-4' | int", -4L)]
    [InlineData("'2.5' | int", 2L)]
    [InlineData("'1e3' | int", 1000L)]
    [InlineData("true | int", 1L)]
    [InlineData("false | int", 0L)]
    [InlineData("inputs.size | int", 50L)]
    public void Evaluate_WhenIntFilterApplied_ConvertsToLong(string expression, long expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Theory]
    [InlineData("'abc' | int")]
    [InlineData("'' | int")]
    [InlineData("none | int")]
    [InlineData("[1] | int")]
    [InlineData("1e300 | int")]
    [InlineData("'abc' | float")]
    [InlineData("'nan' | float")]
    [InlineData("none | float")]
    [InlineData("inputs.meta | float")]
    public void Evaluate_WhenNumberFilterCannotConvert_ThrowsEvaluationError(string expression)
    {
        var error = Should.Throw<TemplateEvaluationException>(() => TemplateTestScope.Evaluate(expression));

        error.Message.ShouldContain("cannot convert");
    }

    [Theory]
    [InlineData("5 | float", 5.0)]
    [InlineData("2.5 | float", 2.5)]
    [InlineData("'2.5' | float", 2.5)]
    [InlineData("' -3 ' | float", -3.0)]
    [InlineData("true | float", 1.0)]
    [InlineData("inputs.ratio | float", 2.5)]
    public void Evaluate_WhenFloatFilterApplied_ConvertsToDouble(string expression, double expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Theory]
    [InlineData("5 | string", "5")]
    [InlineData("2.5 | string", "2.5")]
    [InlineData("true | string", "true")]
    [InlineData("none | string", "")]
    [InlineData("'x' | string", "x")]
    [InlineData("[1, 'a'] | string", "[1,\"a\"]")]
    public void Evaluate_WhenStringFilterApplied_FormatsLikeMixedText(string expression, string expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Theory]
    [InlineData("inputs.message | lower", "hello")]
    [InlineData("inputs.message | upper", "HELLO")]
    [InlineData("'ÉtÉ' | lower", "été")]
    public void Evaluate_WhenCaseFilterApplied_ChangesCase(string expression, string expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Theory]
    [InlineData("5 | lower")]
    [InlineData("none | upper")]
    [InlineData("inputs.tags | upper")]
    public void Evaluate_WhenCaseFilterAppliedToNonString_ThrowsEvaluationError(string expression)
    {
        Should.Throw<TemplateEvaluationException>(() => TemplateTestScope.Evaluate(expression));
    }

    [Theory]
    [InlineData("inputs.message | length", 5L)]
    [InlineData("'' | length", 0L)]
    [InlineData("'😀' | length", 1L)]
    [InlineData("inputs.items | length", 3L)]
    [InlineData("[] | length", 0L)]
    [InlineData("inputs.meta | length", 2L)]
    public void Evaluate_WhenLengthFilterApplied_CountsCharactersElementsOrKeys(string expression, long expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Theory]
    [InlineData("5 | length")]
    [InlineData("none | length")]
    [InlineData("true | length")]
    public void Evaluate_WhenLengthFilterAppliedToScalar_ThrowsEvaluationError(string expression)
    {
        Should.Throw<TemplateEvaluationException>(() => TemplateTestScope.Evaluate(expression));
    }

    [Theory]
    [InlineData("inputs.items | tojson", "[1,2,3]")]
    [InlineData("inputs.meta | tojson", """{"owner":"ops","my-key":"dashed"}""")]
    [InlineData("inputs.message | tojson", "\"Hello\"")]
    [InlineData("none | tojson", "null")]
    [InlineData("inputs.ratio | tojson", "2.5")]
    [InlineData("'a\"b' | tojson", "\"a\\\"b\"")]
    public void Evaluate_WhenToJsonFilterApplied_ReturnsCompactJson(string expression, string expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Theory]
    [InlineData("inputs.tags | join(',')", "dem,nir")]
    [InlineData("inputs.tags | join", "demnir")]
    [InlineData("inputs.items | join(' + ')", "1 + 2 + 3")]
    [InlineData("[1, none, true, 'x', [2]] | join('|')", "1||true|x|[2]")]
    [InlineData("[] | join(',')", "")]
    public void Evaluate_WhenJoinFilterApplied_JoinsElementsAsText(string expression, string expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Theory]
    [InlineData("inputs.message | join(',')")]
    [InlineData("inputs.meta | join(',')")]
    public void Evaluate_WhenJoinFilterAppliedToNonList_ThrowsEvaluationError(string expression)
    {
        Should.Throw<TemplateEvaluationException>(() => TemplateTestScope.Evaluate(expression));
    }

    [Theory]
    [InlineData("2.5 | round", 3.0)]
    [InlineData("-2.5 | round", -3.0)]
    [InlineData("2.4 | round", 2.0)]
    [InlineData("0.5 | round", 1.0)]
    [InlineData("1.25 | round(1)", 1.3)]
    [InlineData("3.14159 | round(2)", 3.14)]
    [InlineData("7 | round", 7.0)]
    [InlineData("1250 | round(-2)", 1300.0)]
    [InlineData("nodes.validate_raster.output.estimated_compressed_mb | round", 813.0)]
    public void Evaluate_WhenRoundFilterApplied_RoundsHalfAwayFromZeroToDouble(string expression, double expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Theory]
    [InlineData("'2.5' | round")]
    [InlineData("2.5 | round('1')")]
    [InlineData("2.5 | round(1.5)")]
    public void Evaluate_WhenRoundFilterGetsNonNumbers_ThrowsEvaluationError(string expression)
    {
        Should.Throw<TemplateEvaluationException>(() => TemplateTestScope.Evaluate(expression));
    }

    [Fact]
    public void Evaluate_WhenFiltersAreChained_AppliesThemLeftToRight()
    {
        TemplateTestScope.Evaluate("inputs.missing | default('MiXeD') | lower | length").ShouldBeExactly(5L);
    }

    [Theory]
    [InlineData("inputs.missing | upper")]
    [InlineData("inputs.missing | int")]
    [InlineData("inputs.missing | string")]
    [InlineData("inputs.missing | length")]
    [InlineData("inputs.missing | tojson")]
    public void Evaluate_WhenFilterOtherThanDefaultGetsUndefined_ThrowsNamingMissingPath(string expression)
    {
        var error = Should.Throw<TemplateEvaluationException>(() => TemplateTestScope.Evaluate(expression));

        error.MissingPath.ShouldBe("inputs.missing");
        error.Message.ShouldContain("missing value 'inputs.missing'");
        error.Template.ShouldBe(expression);
    }

    [Fact]
    public void Evaluate_WhenFilterArgumentIsUndefined_ThrowsNamingMissingPath()
    {
        var error = Should.Throw<TemplateEvaluationException>(() => TemplateTestScope.Evaluate("inputs.tags | join(inputs.sep)"));

        error.MissingPath.ShouldBe("inputs.sep");
    }

    [Theory]
    [InlineData("x | nope", 4, "unknown filter 'nope'")]
    [InlineData("x | default", 4, "filter 'default' takes 1 to 2 arguments but 0 were given")]
    [InlineData("x | default(1, 2, 3)", 4, "filter 'default' takes 1 to 2 arguments but 3 were given")]
    [InlineData("x | upper(1)", 4, "filter 'upper' takes no arguments but 1 was given")]
    [InlineData("x | join(',', ';')", 4, "filter 'join' takes 0 to 1 arguments but 2 were given")]
    [InlineData("x | ", 4, "filter name was expected")]
    [InlineData("x | 5", 4, "filter name was expected")]
    [InlineData("x | default(1", 13, "')' was expected")]
    public void Parse_WhenFilterIsUnknownOrHasWrongArguments_ThrowsSyntaxErrorAtFilter(string expression, int position, string reason)
    {
        var error = Should.Throw<TemplateSyntaxException>(() => Expression.Parse(expression));

        error.Position.ShouldBe(position);
        error.Message.ShouldContain(reason);
    }
}
