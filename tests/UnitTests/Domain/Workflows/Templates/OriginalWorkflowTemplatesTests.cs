using System.Text.RegularExpressions;
using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.UnitTests.Domain.Workflows.Templates;

/// <summary>Templates taken from the original system's workflow files (copied to the test output's Workflows folder).</summary>
public sealed partial class OriginalWorkflowTemplatesTests
{
    private static readonly string[] s_allowedRoots = ["inputs", "nodes", "item", "index"];

    public static TheoryData<string, string> QuotedTemplates()
    {
        var data = new TheoryData<string, string>();
        var directory = Path.Combine(AppContext.BaseDirectory, "Workflows");
        foreach (var file in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file).Where(line => !line.TrimStart().StartsWith('#'));
            foreach (var match in lines.SelectMany(line => QuotedTemplatePattern().Matches(line)))
            {
                data.Add(Path.GetFileName(file), match.Groups[1].Value);
            }
        }

        return data;
    }

    [Fact]
    public void QuotedTemplates_WhenWorkflowsAreCopiedToOutput_FindsTemplates()
    {
        QuotedTemplates().Count.ShouldBeGreaterThan(50);
    }

    [Theory]
    [MemberData(nameof(QuotedTemplates))]
    public void Parse_WhenTemplateComesFromOriginalWorkflow_ParsesAsSingleExpressionWithKnownRoots(string file, string text)
    {
        var template = Template.Parse(text);

        template.IsSingleExpression.ShouldBeTrue($"{file}: {text}");
        foreach (var reference in template.References)
        {
            s_allowedRoots.ShouldContain(reference.Root, $"{file}: {text}");
            if (reference.Root == "nodes")
            {
                reference.Segments.Count.ShouldBeGreaterThanOrEqualTo(2);
                reference.Segments[1].ShouldBe("output");
            }
        }
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("EPSG:32633", "EPSG:32633")]
    public void Render_WhenRasterIngestInputCrsIsNullEmptyOrSet_DefaultsToEmptyString(string? inputCrs, string expected)
    {
        var scope = new TemplateScope(new Dictionary<string, object?>
        {
            ["inputs"] = new Dictionary<string, object?> { ["input_crs"] = inputCrs },
        });

        Template.Parse("{{ inputs.input_crs | default('', true) }}").Render(scope).ShouldBe(expected);
    }

    [Fact]
    public void Render_WhenRasterIngestInputCrsIsNotProvided_DefaultsToEmptyString()
    {
        var scope = new TemplateScope(new Dictionary<string, object?> { ["inputs"] = new Dictionary<string, object?>() });

        Template.Parse("{{ inputs.input_crs | default('', true) }}").Render(scope).ShouldBe(string.Empty);
        Template.Parse("{{ inputs.raster_type | default('auto', true) }}").Render(scope).ShouldBe("auto");
    }

    [Theory]
    [InlineData(812.5, 500L, true)]
    [InlineData(500L, 500L, false)]
    [InlineData(499.99, 500L, false)]
    [InlineData(1024L, 1000.5, true)]
    public void Evaluate_WhenRasterProcessTilingCondition_ComparesSizesNumerically(object size, object threshold, bool expected)
    {
        var scope = new TemplateScope(new Dictionary<string, object?>
        {
            ["inputs"] = new Dictionary<string, object?> { ["tiling_threshold_mb"] = threshold },
            ["nodes"] = new Dictionary<string, object?>
            {
                ["validate_raster"] = new Dictionary<string, object?>
                {
                    ["output"] = new Dictionary<string, object?> { ["estimated_compressed_mb"] = size },
                },
            },
        });
        var condition = BranchCondition.Parse("{{ nodes.validate_raster.output.estimated_compressed_mb > inputs.tiling_threshold_mb }}");

        condition.Evaluate(scope).ShouldBe(expected);
        Template.Parse(condition.Text).Render(scope).ShouldBeExactly(expected);
    }

    [Fact]
    public void Render_WhenDataPipelineReadsUpstreamOutput_ReturnsEchoedMessage()
    {
        Template.Parse("{{ nodes.step_one.output.echoed_params.message }}").Render(TemplateTestScope.Create()).ShouldBe("Hello");
    }

    [GeneratedRegex("\"([^\"]*\\{\\{[^\"]*)\"")]
    private static partial Regex QuotedTemplatePattern();
}
