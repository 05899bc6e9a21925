namespace DagMaster.UnitTests.Domain.Workflows.Templates;

public sealed class ExpressionLogicTests
{
    [Theory]
    [InlineData("true and true", true)]
    [InlineData("true and false", false)]
    [InlineData("false or true", true)]
    [InlineData("false or false", false)]
    [InlineData("not true", false)]
    [InlineData("not false", true)]
    [InlineData("not not true", true)]
    [InlineData("not 0", true)]
    [InlineData("not inputs.empty", true)]
    [InlineData("not inputs.missing", true)]
    [InlineData("not inputs.items", false)]
    [InlineData("inputs.flag and inputs.count > 2", true)]
    [InlineData("inputs.off or inputs.count == 3", true)]
    public void Evaluate_WhenUsingLogicalOperators_ReturnsExpectedBoolean(string expression, bool expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Theory]
    [InlineData("inputs.message and inputs.count", 3L)]
    [InlineData("inputs.empty and inputs.count", "")]
    [InlineData("inputs.empty or 'fallback'", "fallback")]
    [InlineData("inputs.message or 'fallback'", "Hello")]
    [InlineData("0 or none", null)]
    [InlineData("1 and 2 and 3", 3L)]
    [InlineData("1 and 0 and 3", 0L)]
    [InlineData("0 or '' or 7", 7L)]
    public void Evaluate_WhenAndOrOperandsAreNotBooleans_ReturnsDecidingOperand(string expression, object? expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Theory]
    [InlineData("true or false and false", true)]
    [InlineData("(true or false) and false", false)]
    [InlineData("not true or true", true)]
    [InlineData("not (true or true)", false)]
    [InlineData("not 1 == 2", true)]
    [InlineData("not 'a' in ['a']", false)]
    [InlineData("false and false or true", true)]
    [InlineData("false and (false or true)", false)]
    [InlineData("1 < 2 and 2 < 3", true)]
    [InlineData("1 == 1 or 1 < 'a'", true)]
    public void Evaluate_WhenMixingOperators_AppliesPrecedenceAndParentheses(string expression, bool expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Fact]
    public void Evaluate_WhenAndShortCircuits_DoesNotEvaluateRightOperand()
    {
        TemplateTestScope.Evaluate("false and 'x' < 1").ShouldBeExactly(false);
    }

    [Fact]
    public void Evaluate_WhenFilterIsComparedWithoutParentheses_AppliesFilterFirst()
    {
        TemplateTestScope.Evaluate("inputs.message | length > 3").ShouldBeExactly(true);
        TemplateTestScope.Evaluate("inputs.tags | length == 2").ShouldBeExactly(true);
        TemplateTestScope.Evaluate("-inputs.ratio | int").ShouldBeExactly(-2L);
    }
}
