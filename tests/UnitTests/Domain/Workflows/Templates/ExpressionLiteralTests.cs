using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.UnitTests.Domain.Workflows.Templates;

public sealed class ExpressionLiteralTests
{
    [Theory]
    [InlineData("'single'", "single")]
    [InlineData("\"double\"", "double")]
    [InlineData("'it\\'s'", "it's")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("'a\\nb\\tc'", "a\nb\tc")]
    [InlineData("'back\\\\slash'", "back\\slash")]
    [InlineData("'\\u00e9\\x41'", "éA")]
    [InlineData("'C:\\data'", "C:\\data")]
    [InlineData("''", "")]
    [InlineData("'}}'", "}}")]
    public void Evaluate_WhenStringLiteral_ReturnsUnescapedString(string expression, string expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("42", 42L)]
    [InlineData("-3", -3L)]
    [InlineData("- 3", -3L)]
    [InlineData("1.5", 1.5)]
    [InlineData("-0.25", -0.25)]
    [InlineData("1e3", 1000.0)]
    [InlineData("2.5E-1", 0.25)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("99999999999999999999", 1e20)]
    public void Evaluate_WhenNumberLiteral_ReturnsLongOrDouble(string expression, object expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public void Evaluate_WhenBooleanLiteral_ReturnsBool(string expression, bool expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("null")]
    public void Evaluate_WhenNullLiteral_ReturnsNull(string expression)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeNull();
    }

    [Fact]
    public void Evaluate_WhenListLiteral_ReturnsListOfValues()
    {
        TemplateTestScope.Evaluate("[1, 'a', inputs.flag, none, [2.5], ]")
            .ShouldBeExactly(new List<object?> { 1L, "a", true, null, new List<object?> { 2.5 } });
    }

    [Fact]
    public void Evaluate_WhenListLiteralIsEmpty_ReturnsEmptyList()
    {
        TemplateTestScope.Evaluate("[]").ShouldBeExactly(new List<object?>());
    }

    [Fact]
    public void Evaluate_WhenListLiteralHasUndefinedElement_ThrowsNamingThePath()
    {
        var error = Should.Throw<TemplateEvaluationException>(() => TemplateTestScope.Evaluate("[1, inputs.missing]"));

        error.MissingPath.ShouldBe("inputs.missing");
    }

    [Fact]
    public void Evaluate_WhenNegatingVariable_ReturnsNegativeNumber()
    {
        TemplateTestScope.Evaluate("-inputs.count").ShouldBeExactly(-3L);
        TemplateTestScope.Evaluate("-nodes.validate_raster.output.estimated_compressed_mb").ShouldBeExactly(-812.5);
    }

    [Fact]
    public void Evaluate_WhenNegatingString_ThrowsTypeError()
    {
        Should.Throw<TemplateTypeException>(() => TemplateTestScope.Evaluate("-inputs.message"));
    }
}
