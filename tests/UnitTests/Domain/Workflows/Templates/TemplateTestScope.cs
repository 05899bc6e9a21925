using DagMaster.Domain.Workflows.Templates;

namespace DagMaster.UnitTests.Domain.Workflows.Templates;

/// <summary>A job state to render templates against, shaped like the engine's scope at dispatch time.</summary>
internal static class TemplateTestScope
{
    public static TemplateScope Create() => new(new Dictionary<string, object?>
    {
        ["inputs"] = new Dictionary<string, object?>
        {
            ["message"] = "Hello",
            ["count"] = 3,
            ["ratio"] = 2.5m,
            ["big"] = 9007199254740993L,
            ["flag"] = true,
            ["off"] = false,
            ["empty"] = string.Empty,
            ["nothing"] = null,
            ["items"] = new List<object?> { 1L, 2L, 3L },
            ["keys"] = "the input named keys",
            ["tags"] = new[] { "dem", "nir" },
            ["size"] = "50",
            ["index"] = 1,
            ["meta"] = new Dictionary<string, object?> { ["owner"] = "ops", ["my-key"] = "dashed" },
            ["tiling_threshold_mb"] = 500,
        },
        ["nodes"] = new Dictionary<string, object?>
        {
            ["step_one"] = new Dictionary<string, object?>
            {
                ["status"] = "COMPLETED",
                ["output"] = new Dictionary<string, object?>
                {
                    ["echoed_params"] = new Dictionary<string, object?> { ["message"] = "Hello", ["extra_tag"] = "t1" },
                    ["tiles"] = new List<object?> { "a", "b", "c" },
                },
            },
            ["validate_raster"] = new Dictionary<string, object?>
            {
                ["status"] = "COMPLETED",
                ["output"] = new Dictionary<string, object?>
                {
                    ["estimated_compressed_mb"] = 812.5,
                    ["bounds"] = new List<object?> { -10.5, 40L, 5L, 50.25 },
                },
            },
            ["skipped"] = new Dictionary<string, object?> { ["status"] = "SKIPPED", ["output"] = null },
        },
        ["job"] = new Dictionary<string, object?> { ["id"] = "job-1", ["workflow_version"] = 2 },
    });

    public static object? Render(string text) => Template.Parse(text).Render(Create());

    public static object? Evaluate(string expression) => Expression.Parse(expression).Evaluate(Create());
}
