using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.UnitTests.Domain.Workflows.Templates;

public sealed class TemplateParseTests
{
    [Theory]
    [InlineData("")]
    [InlineData("plain text")]
    [InlineData("a { b } c")]
    [InlineData("}} not an expression")]
    [InlineData("trailing {")]
    public void Parse_WhenTextHasNoExpression_IsLiteral(string text)
    {
        var template = Template.Parse(text);

        template.IsLiteral.ShouldBeTrue();
        template.IsSingleExpression.ShouldBeFalse();
        template.References.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("{{ inputs.message }}")]
    [InlineData("{{inputs.message}}")]
    [InlineData("  {{ inputs.message }}\n")]
    public void Parse_WhenTextIsOneWholeExpression_IsSingleExpression(string text)
    {
        var template = Template.Parse(text);

        template.IsLiteral.ShouldBeFalse();
        template.IsSingleExpression.ShouldBeTrue();
    }

    [Theory]
    [InlineData("x{{ inputs.message }}")]
    [InlineData("{{ inputs.message }}.tif")]
    [InlineData("{{ a }}{{ b }}")]
    [InlineData("{{ a }} {{ b }}")]
    public void Parse_WhenTextMixesExpressionsAndText_IsNeitherLiteralNorSingle(string text)
    {
        var template = Template.Parse(text);

        template.IsLiteral.ShouldBeFalse();
        template.IsSingleExpression.ShouldBeFalse();
    }

    [Fact]
    public void Parse_WhenStringLiteralContainsClosingBraces_DoesNotEndTheExpression()
    {
        var template = Template.Parse("{{ '}}' }}!");

        template.Render(TemplateScope.Empty).ShouldBe("}}!");
    }

    [Theory]
    [InlineData("prefix {{ inputs.x", 7, "unclosed '{{'")]
    [InlineData("{{", 0, "unclosed '{{'")]
    [InlineData("a {{ b }} {{ c", 10, "unclosed '{{'")]
    [InlineData("{% if x %}y{% endif %}", 0, "'{%' blocks are not supported")]
    [InlineData("text {# note #}", 5, "'{#' comments are not supported")]
    [InlineData("{{- x }}", 0, "whitespace control")]
    [InlineData("{{ x -}}", 5, "whitespace control")]
    [InlineData("{{ }}", 3, "empty expression")]
    [InlineData("{{ inputs.x | nope }}", 14, "unknown filter 'nope'")]
    [InlineData("{{ inputs.x $ 1 }}", 12, "unexpected character '$'")]
    [InlineData("{{ inputs.x + 1 }}", 12, "arithmetic")]
    [InlineData("{{ inputs.x = 1 }}", 12, "use '=='")]
    [InlineData("{{ inputs.x == }}", 15, "unexpected '}}'")]
    [InlineData("{{ inputs.x and }}", 16, "where a value was expected")]
    [InlineData("{{ inputs.x | }}", 14, "filter name was expected")]
    [InlineData("{{ inputs.x y }}", 12, "unexpected 'y' after a complete expression")]
    [InlineData("{{ inputs. }}", 11, "name was expected after '.'")]
    [InlineData("{{ inputs[0 }}", 12, "']' was expected")]
    [InlineData("{{ (inputs.x }}", 13, "')' was expected")]
    [InlineData("{{ 'abc }}", 3, "unterminated string")]
    [InlineData("{{ 12ab }}", 3, "invalid number")]
    [InlineData("{{ nodes.copy-to-mount.output }}", 13, "[\"my-key\"]")]
    [InlineData("{{ and }}", 3, "keyword 'and'")]
    [InlineData("{{ {'a': 1} }}", 3, "map literals")]
    public void Parse_WhenTemplateIsInvalid_ThrowsSyntaxErrorWithPosition(string text, int position, string reason)
    {
        var error = Should.Throw<TemplateSyntaxException>(() => Template.Parse(text));

        error.Position.ShouldBe(position);
        error.Text.ShouldBe(text);
        error.Reason.ShouldContain(reason);
        error.Message.ShouldContain($"at position {position}");
        error.Message.ShouldContain(text);
    }

    [Fact]
    public void TryParse_WhenTemplateIsValid_ReturnsTemplate()
    {
        Template.TryParse("{{ inputs.x }}", out var template, out var error).ShouldBeTrue();

        template.ShouldNotBeNull();
        error.ShouldBeNull();
    }

    [Fact]
    public void TryParse_WhenTemplateIsInvalid_ReturnsError()
    {
        Template.TryParse("{{ inputs.x", out var template, out var error).ShouldBeFalse();

        template.ShouldBeNull();
        error.ShouldNotBeNull().Position.ShouldBe(0);
    }

    [Fact]
    public void Parse_WhenTextIsLongerThanLimit_ThrowsSyntaxError()
    {
        var text = new string('a', Template.MaxLength + 1);

        var error = Should.Throw<TemplateSyntaxException>(() => Template.Parse(text));

        error.Reason.ShouldContain("too long");
        error.Message.Length.ShouldBeLessThan(1000);
    }

    [Fact]
    public void Parse_WhenTextIsAtLengthLimit_Parses()
    {
        var text = "{{ x }}" + new string('a', Template.MaxLength - 7);

        Template.Parse(text).IsSingleExpression.ShouldBeFalse();
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("[", "]")]
    [InlineData("not ", "")]
    [InlineData("-", "")]
    [InlineData("x[", "]")]
    [InlineData("x | default(", ")")]
    public void Parse_WhenNestingExceedsLimit_ThrowsSyntaxError(string open, string close)
    {
        var depth = Template.MaxNestingDepth + 1;
        var text = "{{ " + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)) + " }}";

        var error = Should.Throw<TemplateSyntaxException>(() => Template.Parse(text));

        error.Reason.ShouldContain("nested too deeply");
    }

    [Fact]
    public void Parse_WhenNestingIsWithinLimit_Parses()
    {
        var depth = Template.MaxNestingDepth - 1;
        var text = "{{ " + new string('(', depth) + "1" + new string(')', depth) + " }}";

        Template.Parse(text).Render(TemplateScope.Empty).ShouldBeExactly(1L);
    }

    [Fact]
    public void Parse_WhenFilterChainExceedsLimit_ThrowsSyntaxError()
    {
        var text = "{{ 'a'" + string.Concat(Enumerable.Repeat(" | lower", Template.MaxNestingDepth + 1)) + " }}";

        Should.Throw<TemplateSyntaxException>(() => Template.Parse(text)).Reason.ShouldContain("nested too deeply");
    }

    [Fact]
    public void Parse_WhenManyOperandsAreChainedWithOr_ParsesWithoutDeepNesting()
    {
        var text = "{{ " + string.Join(" or ", Enumerable.Repeat("inputs.missing", 2000)) + " or 'last' }}";

        Template.Parse(text).Render(TemplateTestScope.Create()).ShouldBe("last");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ExpressionParse_WhenTextIsEmpty_ThrowsSyntaxError(string text)
    {
        var error = Should.Throw<TemplateSyntaxException>(() => Expression.Parse(text));

        error.Reason.ShouldBe("empty expression");
        error.Position.ShouldBe(text.Length);
    }

    [Theory]
    [InlineData("inputs.x ==", 11)]
    [InlineData("inputs.x }}", 9)]
    [InlineData("{{ inputs.x }}", 0)]
    public void ExpressionParse_WhenExpressionIsInvalid_ThrowsSyntaxErrorWithPosition(string text, int position)
    {
        Should.Throw<TemplateSyntaxException>(() => Expression.Parse(text)).Position.ShouldBe(position);
    }

    [Fact]
    public void ExpressionTryParse_WhenExpressionIsInvalid_ReturnsError()
    {
        Expression.TryParse("a <", out var expression, out var error).ShouldBeFalse();

        expression.ShouldBeNull();
        error.ShouldNotBeNull().Position.ShouldBe(3);
    }
}
