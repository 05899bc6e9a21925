using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.UnitTests.Domain.Workflows.Templates;

public sealed class TemplateReferencesTests
{
    private static string[] ReferencesOf(string text) => [.. Template.Parse(text).References.Select(r => r.ToString())];

    [Fact]
    public void References_WhenPathUsesKeyIndexes_ListsRootAndConstantSegments()
    {
        var reference = Template.Parse("{{ nodes.step_one.output.echoed_params[\"message\"] }}").References.ShouldHaveSingleItem();

        reference.Root.ShouldBe("nodes");
        reference.Segments.ShouldBe(["step_one", "output", "echoed_params", "message"]);
        reference.ToString().ShouldBe("nodes.step_one.output.echoed_params.message");
    }

    [Fact]
    public void References_WhenPathHasComputedIndex_StopsAtItAndAddsTheIndexPaths()
    {
        ReferencesOf("{{ nodes.a.output[inputs.key].value }}").ShouldBe(["nodes.a.output", "inputs.key"]);
    }

    [Fact]
    public void References_WhenPathHasIntegerIndex_KeepsItAsSegment()
    {
        var reference = Template.Parse("{{ nodes.a.output.tiles[0].name }}").References.ShouldHaveSingleItem();

        reference.Segments.ShouldBe(["a", "output", "tiles", "0", "name"]);
        reference.ToString().ShouldBe("nodes.a.output.tiles[0].name");
    }

    [Fact]
    public void References_WhenKeyIsNotAnIdentifier_FormatsItAsIndex()
    {
        ReferencesOf("{{ nodes['copy-to-mount'].output }}").ShouldBe(["nodes[\"copy-to-mount\"].output"]);
    }

    [Fact]
    public void References_WhenVariablesAppearInFilterArgumentsListsAndConditions_ListsThemAll()
    {
        var references = ReferencesOf(
            "{{ inputs.a | default(inputs.b, inputs.c) }} {{ [nodes.n.output, 1] | join(env.SEP) }}"
            + " {{ (not item and index > inputs.d) or value in [job.id] }}");

        references.ShouldBe(["inputs.a", "inputs.b", "inputs.c", "nodes.n.output", "env.SEP", "item", "index", "inputs.d", "value", "job.id"]);
    }

    [Fact]
    public void References_WhenPathRepeats_ListsItOnce()
    {
        ReferencesOf("{{ inputs.x }}-{{ inputs.x }}-{{ inputs['x'] }}").ShouldBe(["inputs.x"]);
    }

    [Fact]
    public void References_WhenRootIsParenthesised_ListsWholePath()
    {
        ReferencesOf("{{ (nodes.a).output.b }}").ShouldBe(["nodes.a.output.b"]);
    }

    [Fact]
    public void References_WhenTemplateHasOnlyLiterals_IsEmpty()
    {
        Template.Parse("{{ 'a' }}{{ [1, 2] | length }}").References.ShouldBeEmpty();
    }

    [Fact]
    public void References_WhenExpressionIsBare_ListsItsPaths()
    {
        Expression.Parse("nodes.validate_raster.output.estimated_compressed_mb > inputs.tiling_threshold_mb")
            .References.Select(r => r.ToString())
            .ShouldBe(["nodes.validate_raster.output.estimated_compressed_mb", "inputs.tiling_threshold_mb"]);
    }

    [Fact]
    public void TemplatePath_WhenSameRootAndSegments_IsEqual()
    {
        var a = new TemplatePath("inputs", ["x", "0"]);
        var b = new TemplatePath("inputs", ["x", "0"]);

        a.ShouldBe(b);
        a.GetHashCode().ShouldBe(b.GetHashCode());
        a.ShouldNotBe(new TemplatePath("inputs", ["x"]));
    }
}
