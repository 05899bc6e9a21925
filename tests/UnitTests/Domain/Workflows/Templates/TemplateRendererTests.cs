using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.UnitTests.Domain.Workflows.Templates;

public sealed class TemplateRendererTests
{
    [Fact]
    public void RenderValue_WhenParamsAreNested_RendersEveryStringAndPassesOtherValuesThrough()
    {
        var rendered = TemplateRenderer.RenderValue(NestedParams(), TemplateTestScope.Create());

        rendered.ShouldBeExactly(NestedParamsRendered());
    }

    [Fact]
    public void Prepare_WhenParamsAreNested_RendersAsRenderValueDoes()
    {
        var render = TemplateRenderer.Prepare(NestedParams());

        render(TemplateTestScope.Create()).ShouldBeExactly(NestedParamsRendered());
    }

    [Fact]
    public void Prepare_WhenRenderedForEachChild_GivesEachItsOwnValues()
    {
        var render = TemplateRenderer.Prepare(new Dictionary<string, object?> { ["i"] = "{{ index }}", ["name"] = "tile_{{ item }}" });
        var scope = TemplateTestScope.Create();

        var first = render(scope.With("item", "a").With("index", 0));
        var second = render(scope.With("item", "b").With("index", 1));

        first.ShouldBeExactly(new Dictionary<string, object?> { ["i"] = 0L, ["name"] = "tile_a" });
        second.ShouldBeExactly(new Dictionary<string, object?> { ["i"] = 1L, ["name"] = "tile_b" });
    }

    [Fact]
    public void Prepare_WhenNestedStringIsInvalid_ThrowsSyntaxErrorBeforeAnyRender()
    {
        var parameters = new Dictionary<string, object?> { ["a"] = new List<object?> { "{{ inputs.nope" } };

        Should.Throw<TemplateSyntaxException>(() => TemplateRenderer.Prepare(parameters));
    }

    [Fact]
    public void Prepare_WhenNestedStringIsMissingValue_ThrowsNamingTemplateWhenRendered()
    {
        var render = TemplateRenderer.Prepare(new Dictionary<string, object?> { ["a"] = "x{{ inputs.nope }}" });

        var error = Should.Throw<TemplateEvaluationException>(() => render(TemplateTestScope.Create()));

        error.MissingPath.ShouldBe("inputs.nope");
    }

    [Fact]
    public void RenderValue_WhenValueIsScalar_ReturnsItUnchanged()
    {
        var value = new object();

        TemplateRenderer.RenderValue(value, TemplateScope.Empty).ShouldBeSameAs(value);
        TemplateRenderer.RenderValue(null, TemplateScope.Empty).ShouldBeNull();
    }

    [Fact]
    public void RenderValue_WhenRenderingMap_DoesNotChangeTheOriginal()
    {
        var parameters = new Dictionary<string, object?> { ["a"] = "{{ inputs.count }}" };

        TemplateRenderer.RenderValue(parameters, TemplateTestScope.Create());

        parameters["a"].ShouldBe("{{ inputs.count }}");
    }

    [Fact]
    public void RenderValue_WhenFanOutChildParams_BindsItemAndIndexNatively()
    {
        var parameters = new Dictionary<string, object?> { ["tile"] = "{{ item }}", ["i"] = "{{ index }}", ["name"] = "tile_{{ index }}" };
        var scope = TemplateTestScope.Create()
            .With("item", new Dictionary<string, object?> { ["x"] = 1, ["y"] = 2 })
            .With("index", 4);

        TemplateRenderer.RenderValue(parameters, scope).ShouldBeExactly(new Dictionary<string, object?>
        {
            ["tile"] = new Dictionary<string, object?> { ["x"] = 1L, ["y"] = 2L },
            ["i"] = 4L,
            ["name"] = "tile_4",
        });
    }

    [Fact]
    public void RenderValue_WhenNestedStringIsMissingValue_ThrowsNamingTemplate()
    {
        var parameters = new Dictionary<string, object?> { ["a"] = new List<object?> { "x{{ inputs.nope }}" } };

        var error = Should.Throw<TemplateEvaluationException>(() => TemplateRenderer.RenderValue(parameters, TemplateTestScope.Create()));

        error.Template.ShouldBe("x{{ inputs.nope }}");
        error.MissingPath.ShouldBe("inputs.nope");
    }

    [Fact]
    public void RenderValue_WhenNestedStringIsInvalid_ThrowsSyntaxError()
    {
        var parameters = new Dictionary<string, object?> { ["a"] = "{{ inputs.nope" };

        Should.Throw<TemplateSyntaxException>(() => TemplateRenderer.RenderValue(parameters, TemplateTestScope.Create()));
    }

    private static Dictionary<string, object?> NestedParams() => new()
    {
        ["message"] = "{{ inputs.message }}",
        ["count"] = "{{ inputs.count }}",
        ["label"] = "n={{ inputs.count }}",
        ["literal"] = "no templates here",
        ["number"] = 42L,
        ["int"] = 7,
        ["flag"] = false,
        ["nothing"] = null,
        ["nested"] = new Dictionary<string, object?>
        {
            ["tiles"] = "{{ nodes.step_one.output.tiles }}",
            ["list"] = new List<object?> { "{{ inputs.flag }}", 1.5, "x-{{ inputs.items[0] }}", new List<object?> { "{{ job.id }}" } },
        },
    };

    private static Dictionary<string, object?> NestedParamsRendered() => new()
    {
        ["message"] = "Hello",
        ["count"] = 3L,
        ["label"] = "n=3",
        ["literal"] = "no templates here",
        ["number"] = 42L,
        ["int"] = 7,
        ["flag"] = false,
        ["nothing"] = null,
        ["nested"] = new Dictionary<string, object?>
        {
            ["tiles"] = new List<object?> { "a", "b", "c" },
            ["list"] = new List<object?> { true, 1.5, "x-1", new List<object?> { "job-1" } },
        },
    };
}
