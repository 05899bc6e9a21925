using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.UnitTests.Domain.Workflows.Templates;

public sealed class TemplateRenderTests
{
    [Fact]
    public void Render_WhenTemplateIsLiteral_ReturnsTextUnchanged()
    {
        TemplateTestScope.Render("  just text } {  ").ShouldBeExactly("  just text } {  ");
    }

    [Fact]
    public void Render_WhenWholeExpressionIsList_ReturnsNativeList()
    {
        TemplateTestScope.Render("{{ inputs.items }}").ShouldBeExactly(new List<object?> { 1L, 2L, 3L });
    }

    [Fact]
    public void Render_WhenWholeExpressionIsMap_ReturnsNativeMap()
    {
        TemplateTestScope.Render("{{ nodes.step_one.output.echoed_params }}")
            .ShouldBeExactly(new Dictionary<string, object?> { ["message"] = "Hello", ["extra_tag"] = "t1" });
    }

    [Theory]
    [InlineData("{{ inputs.count }}", 3L)]
    [InlineData("{{ inputs.ratio }}", 2.5)]
    [InlineData("{{ inputs.flag }}", true)]
    [InlineData("{{ inputs.count > 2 }}", true)]
    [InlineData("{{ inputs.message }}", "Hello")]
    [InlineData(" {{ inputs.count }}\t", 3L)]
    [InlineData("{{ inputs.size | int }}", 50L)]
    public void Render_WhenWholeExpressionIsScalar_ReturnsNativeValue(string text, object expected)
    {
        TemplateTestScope.Render(text).ShouldBeExactly(expected);
    }

    [Theory]
    [InlineData("{{ inputs.nothing }}")]
    [InlineData("{{ inputs.missing }}")]
    [InlineData("{{ nodes.skipped.output }}")]
    [InlineData("{{ nodes.skipped.output.cog_blob }}")]
    [InlineData("{{ nodes.not_a_node.output }}")]
    public void Render_WhenWholeExpressionIsNullOrUndefined_ReturnsNull(string text)
    {
        TemplateTestScope.Render(text).ShouldBeNull();
    }

    [Theory]
    [InlineData("msg={{ inputs.message }}", "msg=Hello")]
    [InlineData("items={{ inputs.items }}", "items=[1,2,3]")]
    [InlineData("tags={{ inputs.tags }}", "tags=[\"dem\",\"nir\"]")]
    [InlineData("meta={{ inputs.meta }}", "meta={\"owner\":\"ops\",\"my-key\":\"dashed\"}")]
    [InlineData("flag={{ inputs.flag }}/{{ inputs.off }}", "flag=true/false")]
    [InlineData("null=[{{ inputs.nothing }}]", "null=[]")]
    [InlineData("n={{ inputs.count }} r={{ inputs.ratio }}", "n=3 r=2.5")]
    [InlineData("{{ inputs.message }}{{ inputs.count }}", "Hello3")]
    [InlineData("tiles/{{ job.id }}/{{ nodes.step_one.output.tiles[0] }}.tif", "tiles/job-1/a.tif")]
    public void Render_WhenTextIsMixed_FormatsValuesAsText(string text, string expected)
    {
        TemplateTestScope.Render(text).ShouldBeExactly(expected);
    }

    [Fact]
    public void Render_WhenMixedTextHasUndefinedValue_ThrowsNamingTemplateAndPath()
    {
        var error = Should.Throw<TemplateEvaluationException>(() => TemplateTestScope.Render("prefix-{{ inputs.foo }}"));

        error.ShouldNotBeOfType<TemplateTypeException>();
        error.Message.ShouldBe("missing value 'inputs.foo' in template \"prefix-{{ inputs.foo }}\"");
        error.MissingPath.ShouldBe("inputs.foo");
        error.Template.ShouldBe("prefix-{{ inputs.foo }}");
    }

    [Fact]
    public void Render_WhenMixedTextReadsThroughSkippedNode_ThrowsNamingFullPath()
    {
        var error = Should.Throw<TemplateEvaluationException>(
            () => TemplateTestScope.Render("blob: {{ nodes.skipped.output.cog_blob }}"));

        error.MissingPath.ShouldBe("nodes.skipped.output.cog_blob");
    }

    [Fact]
    public void Render_WhenMixedTextUsesDefault_DoesNotThrow()
    {
        TemplateTestScope.Render("crs={{ inputs.input_crs | default('', true) }};").ShouldBeExactly("crs=;");
    }

    [Fact]
    public void Render_WhenWholeExpressionAppliesFilterToUndefined_ThrowsNamingPath()
    {
        var error = Should.Throw<TemplateEvaluationException>(() => TemplateTestScope.Render("{{ inputs.foo | upper }}"));

        error.MissingPath.ShouldBe("inputs.foo");
        error.Message.ShouldContain("in template \"{{ inputs.foo | upper }}\"");
    }

    [Fact]
    public void Render_WhenComputedIndexIsUndefined_NamesTheIndexPath()
    {
        var error = Should.Throw<TemplateEvaluationException>(() => TemplateTestScope.Render("x{{ inputs.items[inputs.pos] }}"));

        error.MissingPath.ShouldBe("inputs.pos");
    }

    [Fact]
    public void Render_WhenComparisonHasWrongTypes_ThrowsTypeExceptionWithTemplate()
    {
        var error = Should.Throw<TemplateTypeException>(() => TemplateTestScope.Render("{{ inputs.size < 100 }}"));

        error.Template.ShouldBe("{{ inputs.size < 100 }}");
    }

    [Fact]
    public void Render_WhenScopeRootsUseIntAndDecimal_ReturnsLongAndDouble()
    {
        var scope = new TemplateScope(new Dictionary<string, object?> { ["a"] = 7, ["b"] = 0.5m, ["c"] = 1.5f });

        Template.Parse("{{ a }}").Render(scope).ShouldBeExactly(7L);
        Template.Parse("{{ b }}").Render(scope).ShouldBeExactly(0.5);
        Template.Parse("{{ c }}").Render(scope).ShouldBeExactly(1.5);
    }

    [Fact]
    public void Render_WhenRenderedManyTimes_GivesSameResultForEachScope()
    {
        var template = Template.Parse("tile-{{ index }}-{{ item.name | upper }}");

        var results = Enumerable.Range(0, 1000)
            .Select(i => template.Render(TemplateScope.Empty
                .With("index", i)
                .With("item", new Dictionary<string, object?> { ["name"] = $"t{i}" })))
            .ToList();

        results[0].ShouldBe("tile-0-T0");
        results[999].ShouldBe("tile-999-T999");
    }

    [Fact]
    public void Render_WhenFanOutItemIsNative_PassesItThrough()
    {
        var template = Template.Parse("{{ item }}");
        var item = new Dictionary<string, object?> { ["x"] = 1L };

        template.Render(TemplateScope.Empty.With("item", item)).ShouldBeSameAs(item);
    }
}
