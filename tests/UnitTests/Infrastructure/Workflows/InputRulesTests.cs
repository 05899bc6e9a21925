using DagMaster.Domain.Workflows;
using DagMaster.Infrastructure.Workflows.Yaml;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Infrastructure.Workflows;

public sealed class InputRulesTests
{
    private static WorkflowYaml WithInput(string name, params string[] lines) =>
        WorkflowYaml.Minimal().WithSection(["inputs:", $"  {name}:", .. lines.Select(l => "    " + l)]);

    [Theory]
    [InlineData("string", InputType.String)]
    [InlineData("integer", InputType.Integer)]
    [InlineData("number", InputType.Number)]
    [InlineData("boolean", InputType.Boolean)]
    [InlineData("array", InputType.Array)]
    [InlineData("object", InputType.Object)]
    public void Read_WhenInputTypeIsKnown_SetsIt(string text, InputType expected)
    {
        var definition = WithInput("value", $"type: {text}").Read().ShouldBeValid();

        definition.Inputs.Single().Type.ShouldBe(expected);
    }

    [Fact]
    public void Read_WhenInputTypeIsOmitted_MakesARequiredString()
    {
        var definition = WithInput("value", "description: Any text").Read().ShouldBeValid();

        definition.Inputs.Single().ShouldBe(new InputDefinition("value", InputType.String, true, false, null, "Any text"));
    }

    [Fact]
    public void Read_WhenInputTypeIsUnknown_ReportsTypeInvalidOnTypeLine()
    {
        var yaml = WithInput("count", "type: int");

        var error = yaml.Read().ShouldHaveOnlyError("input.type.invalid");

        error.Message.ShouldContain("'count'");
        error.Message.ShouldContain("'int'");
        error.Line.ShouldBe(yaml.LineOf("type: int"));
    }

    [Fact]
    public void Read_WhenInputNameBreaksPattern_ReportsNameInvalidOnTheNameLine()
    {
        var yaml = WithInput("2count", "type: integer");

        var error = yaml.Read().ShouldHaveOnlyError("input.name.invalid");

        error.Message.ShouldContain("'2count'");
        error.Line.ShouldBe(yaml.LineOf("2count:"));
    }

    [Fact]
    public void Read_WhenListFormRepeatsInputName_ReportsNameDuplicateOnTheSecond()
    {
        const string yaml = """
            workflow_id: test_flow
            name: Test flow
            inputs:
              - name: count
                type: integer
              - name: size
                type: number
              - name: count
                type: string
            nodes:
              start: {type: start, next: end}
              end: {type: end}
            """;

        var error = new YamlWorkflowDefinitionReader().Read(yaml).ShouldHaveOnlyError("input.name.duplicate");

        error.Message.ShouldContain("'count'");
        error.Line.ShouldBe(8);
    }

    [Theory]
    [InlineData("integer", "\"5\"")]
    [InlineData("integer", "5.5")]
    [InlineData("integer", "true")]
    [InlineData("number", "\"1.5\"")]
    [InlineData("boolean", "\"true\"")]
    [InlineData("boolean", "yes")]
    [InlineData("string", "5")]
    [InlineData("string", "[a, b]")]
    [InlineData("array", "{a: 1}")]
    [InlineData("object", "[1, 2]")]
    public void Read_WhenDefaultHasWrongType_ReportsDefaultTypeOnDefaultLine(string type, string value)
    {
        var yaml = WithInput("value", $"type: {type}", $"default: {value}");

        var error = yaml.Read().ShouldHaveOnlyError("input.default.type");

        error.Message.ShouldContain("'value'");
        error.Message.ShouldContain(type);
        error.Line.ShouldBe(yaml.LineOf("default:"));
    }

    [Fact]
    public void Read_WhenDefaultsMatchTheirTypes_KeepsNativeValues()
    {
        var yaml = WorkflowYaml.Minimal().WithSection(
            "inputs:",
            "  count: {type: integer, default: 5}",
            "  ratio: {type: number, default: 5}",
            "  scale: {type: number, default: 2.5}",
            "  label: {type: string, default: \"5\"}",
            "  strict: {type: boolean, default: false}",
            "  bands: {type: array, default: [1, 2]}",
            "  options: {type: object, default: {a: x}}");

        var inputs = yaml.Read().ShouldBeValid().Inputs.ToDictionary(i => i.Name, i => i.Default);

        inputs["count"].ShouldBe(5L);
        inputs["ratio"].ShouldBe(5L);
        inputs["scale"].ShouldBe(2.5);
        inputs["label"].ShouldBe("5");
        inputs["strict"].ShouldBe(false);
        inputs["bands"].ShouldBe(new List<object?> { 1L, 2L });
        inputs["options"].ShouldBe(new Dictionary<string, object?> { ["a"] = "x" });
    }

    [Fact]
    public void Read_WhenInputHasDefault_DefaultsRequiredToFalse()
    {
        var input = WithInput("count", "type: integer", "default: 5").Read().ShouldBeValid().Inputs.Single();

        input.Required.ShouldBeFalse();
        input.HasDefault.ShouldBeTrue();
        input.Default.ShouldBe(5L);
    }

    [Fact]
    public void Read_WhenInputHasNoDefault_DefaultsRequiredToTrue()
    {
        var input = WithInput("count", "type: integer").Read().ShouldBeValid().Inputs.Single();

        input.Required.ShouldBeTrue();
        input.HasDefault.ShouldBeFalse();
    }

    [Fact]
    public void Read_WhenInputHasNullDefault_DefaultsRequiredToFalse()
    {
        var input = WithInput("count", "type: integer", "default: null").Read().ShouldBeValid().Inputs.Single();

        input.Required.ShouldBeFalse();
        input.HasDefault.ShouldBeTrue();
        input.Default.ShouldBeNull();
    }

    [Theory]
    [InlineData("required: true", "default: 5", true)]
    [InlineData("required: false", "description: optional", false)]
    public void Read_WhenRequiredIsExplicit_KeepsIt(string required, string other, bool expected)
    {
        var input = WithInput("count", "type: integer", required, other).Read().ShouldBeValid().Inputs.Single();

        input.Required.ShouldBe(expected);
    }
}
