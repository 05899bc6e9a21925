using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.UnitTests.Domain.Workflows.Templates;

public sealed class ExpressionPathTests
{
    [Theory]
    [InlineData("nodes.step_one.output.echoed_params.message")]
    [InlineData("nodes.step_one.output.echoed_params[\"message\"]")]
    [InlineData("nodes['step_one'].output['echoed_params']['message']")]
    [InlineData("(nodes.step_one.output).echoed_params.message")]
    public void Evaluate_WhenPathUsesDotsOrKeyIndexes_ReadsTheValue(string expression)
    {
        TemplateTestScope.Evaluate(expression).ShouldBe("Hello");
    }

    [Theory]
    [InlineData("inputs.items[0]", 1L)]
    [InlineData("inputs.items[2]", 3L)]
    [InlineData("inputs.items[-1]", 3L)]
    [InlineData("inputs.items[-3]", 1L)]
    [InlineData("inputs.items[inputs.index]", 2L)]
    [InlineData("nodes.step_one.output.tiles[1]", "b")]
    [InlineData("[10, 20, 30][1]", 20L)]
    public void Evaluate_WhenListIsIndexed_ReadsTheElement(string expression, object expected)
    {
        TemplateTestScope.Evaluate(expression).ShouldBeExactly(expected);
    }

    [Theory]
    [InlineData("inputs.items[3]")]
    [InlineData("inputs.items[-4]")]
    [InlineData("inputs.items['0']")]
    [InlineData("inputs.items.first")]
    [InlineData("inputs.missing")]
    [InlineData("inputs.missing.deeper")]
    [InlineData("missing_root")]
    [InlineData("missing_root.x")]
    [InlineData("inputs.message.length")]
    [InlineData("inputs.message[0]")]
    [InlineData("inputs.count.x")]
    [InlineData("inputs.nothing.x")]
    [InlineData("nodes.skipped.output.anything")]
    [InlineData("inputs.meta[0]")]
    [InlineData("inputs.meta[inputs.missing]")]
    public void Evaluate_WhenPathDoesNotExist_ReturnsUndefined(string expression)
    {
        TemplateValues.IsUndefined(TemplateTestScope.Evaluate(expression)).ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_WhenMemberNameMatchesAMethodName_LooksUpTheKey()
    {
        TemplateTestScope.Evaluate("inputs.items").ShouldBeExactly(new List<object?> { 1L, 2L, 3L });
        TemplateTestScope.Evaluate("inputs.keys").ShouldBe("the input named keys");
        TemplateValues.IsUndefined(TemplateTestScope.Evaluate("inputs.values")).ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_WhenKeyContainsDash_ReadsItWithStringIndex()
    {
        TemplateTestScope.Evaluate("inputs.meta['my-key']").ShouldBe("dashed");
    }

    [Fact]
    public void Evaluate_WhenValueIsSetToNull_ReturnsNullNotUndefined()
    {
        TemplateTestScope.Evaluate("inputs.nothing").ShouldBeNull();
        TemplateTestScope.Evaluate("nodes.skipped.output").ShouldBeNull();
    }

    [Fact]
    public void Evaluate_WhenCallerPassedInt_ReturnsLong()
    {
        TemplateTestScope.Evaluate("inputs.count").ShouldBeExactly(3L);
        TemplateTestScope.Evaluate("job.workflow_version").ShouldBeExactly(2L);
    }

    [Fact]
    public void Evaluate_WhenCallerPassedStringArray_ReturnsList()
    {
        TemplateTestScope.Evaluate("inputs.tags[1]").ShouldBe("nir");
    }

    [Fact]
    public void Evaluate_WhenScopeAddsRoot_ResolvesItAndHidesNothingElse()
    {
        var scope = TemplateTestScope.Create().With("item", new Dictionary<string, object?> { ["x"] = 4 }).With("index", 0);

        Expression.Parse("item.x").Evaluate(scope).ShouldBeExactly(4L);
        Expression.Parse("index").Evaluate(scope).ShouldBeExactly(0L);
        Expression.Parse("inputs.message").Evaluate(scope).ShouldBe("Hello");
    }

    [Fact]
    public void Evaluate_WhenScopeIsEmpty_EveryVariableIsUndefined()
    {
        TemplateValues.IsUndefined(Expression.Parse("inputs").Evaluate(TemplateScope.Empty)).ShouldBeTrue();
    }
}
