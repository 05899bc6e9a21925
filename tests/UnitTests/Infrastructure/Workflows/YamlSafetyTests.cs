using System.Globalization;
using System.Text;
using DagMaster.Application.Abstractions;
using DagMaster.Infrastructure.Workflows.Yaml;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Infrastructure.Workflows;

public sealed class YamlSafetyTests
{
    private static WorkflowReadResult Read(string yaml) => new YamlWorkflowDefinitionReader().Read(yaml);

    /// <summary>Nine lists, each holding nine aliases of the one before: 9^levels scalars once expanded.</summary>
    private static string BillionLaughs(int levels)
    {
        var yaml = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level < levels; level++)
        {
            var alias = $"*l{level - 1}";
            yaml.Append($"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat(alias, 9))}]\n");
        }

        return yaml.ToString();
    }

    [Fact]
    public void Read_WhenAliasesExpandIntoBillionsOfNodes_RefusesWithoutExpandingThem()
    {
        // 9^9 (387 million) scalars if expanded; the read must come back, refused, without building them.
        var result = Read(BillionLaughs(9));

        var error = result.ShouldHaveOnlyError("yaml.limit");
        error.Message.ShouldContain("aliases");
        error.Message.ShouldContain("100,000");
        error.Line.ShouldBe(6);
        result.Definition.ShouldBeNull();
    }

    [Fact]
    public void Read_WhenAliasBombIsDeeplyNestedMappings_RefusesIt()
    {
        var yaml = new StringBuilder("m0: &m0 {a: x, b: x, c: x, d: x, e: x, f: x, g: x, h: x}\n");
        for (var level = 1; level < 30; level++)
        {
            yaml.Append($"m{level}: &m{level} {{a: *m{level - 1}, b: *m{level - 1}, c: *m{level - 1}, d: *m{level - 1}}}\n");
        }

        var error = Read(yaml.ToString()).ShouldHaveOnlyError("yaml.limit");

        error.Message.ShouldContain("aliases");
    }

    [Fact]
    public void Read_WhenAliasesStayWithinTheLimit_ExpandsThem()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("work", "params:", "  base: &base {x: 1, y: [a, b]}", "  copy: *base");

        var parameters = yaml.Read().ShouldBeValid().GetNode("work").Task!.Params;

        foreach (var key in new[] { "base", "copy" })
        {
            var value = parameters[key].ShouldBeAssignableTo<IReadOnlyDictionary<string, object?>>()!;
            value.Keys.ShouldBe(["x", "y"]);
            value["x"].ShouldBe(1L);
            value["y"].ShouldBe(new List<object?> { "a", "b" });
        }
    }

    [Fact]
    public void Read_WhenDocumentIsFiveMegabytes_RefusesItAsTooLarge()
    {
        var yaml = WorkflowYaml.Minimal() + "# " + new string('x', 5 * 1024 * 1024) + "\n";

        var error = Read(yaml).ShouldHaveOnlyError("yaml.too_large");

        error.Message.ShouldContain(Encoding.UTF8.GetByteCount(yaml).ToString("N0", CultureInfo.InvariantCulture));
        error.Message.ShouldContain("1,048,576");
        error.Line.ShouldBe(1);
    }

    [Fact]
    public void Read_WhenDocumentIsExactlyAtTheSizeLimit_ReadsIt()
    {
        var yaml = PadTo(WorkflowYaml.Minimal().ToString(), YamlWorkflowDefinitionReader.MaxSourceBytes);

        Read(yaml).ShouldBeValid();
    }

    [Fact]
    public void Read_WhenDocumentIsOneByteOverTheSizeLimit_RefusesItAsTooLarge()
    {
        var yaml = PadTo(WorkflowYaml.Minimal().ToString(), YamlWorkflowDefinitionReader.MaxSourceBytes + 1);

        Read(yaml).ShouldHaveOnlyError("yaml.too_large");
    }

    [Fact]
    public void Read_WhenSizeLimitIsExceededInBytesButNotInCharacters_RefusesIt()
    {
        var yaml = WorkflowYaml.Minimal() + "# " + new string('é', (YamlWorkflowDefinitionReader.MaxSourceBytes / 2) + 1) + "\n";

        yaml.Length.ShouldBeLessThan(YamlWorkflowDefinitionReader.MaxSourceBytes);
        Read(yaml).ShouldHaveOnlyError("yaml.too_large");
    }

    [Fact]
    public void Read_WhenDocumentNests200BlockMappings_RefusesItAtTheFirstLevelTooDeep()
    {
        var yaml = new StringBuilder();
        for (var level = 0; level < 199; level++)
        {
            yaml.Append(' ', level * 2).Append($"k{level}:\n");
        }

        yaml.Append(' ', 199 * 2).Append("k199: bottom\n");

        var error = Read(yaml.ToString()).ShouldHaveOnlyError("yaml.limit");

        error.Message.ShouldContain("nested deeper than 64 levels");
        error.Line.ShouldBe(65);
    }

    [Fact]
    public void Read_WhenDocumentNests200FlowSequences_RefusesIt()
    {
        var yaml = "workflow_id: " + new string('[', 200) + new string(']', 200) + "\n";

        var error = Read(yaml).ShouldHaveOnlyError("yaml.limit");

        error.Message.ShouldContain("nested deeper than 64 levels");
        error.Line.ShouldBe(1);
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void Read_WhenParamsNestToTheDepthLimit_ReadsOnlyUpToIt(int depth, bool valid)
    {
        // root, nodes, work and params are four levels; the rest is nested inside params.
        var nested = string.Concat(Enumerable.Repeat("{a: ", depth - 4)) + "1" + new string('}', depth - 4);
        var result = WorkflowYaml.Minimal().WithNodeKey("work", $"params: {{deep: {nested}}}").Read();

        result.IsValid.ShouldBe(valid);
        if (!valid)
        {
            result.ShouldHaveOnlyError("yaml.limit");
        }
    }

    private static string PadTo(string yaml, int bytes)
    {
        var padding = bytes - Encoding.UTF8.GetByteCount(yaml) - "# \n".Length;
        var padded = yaml + "# " + new string('x', padding) + "\n";
        Encoding.UTF8.GetByteCount(padded).ShouldBe(bytes);
        return padded;
    }
}
