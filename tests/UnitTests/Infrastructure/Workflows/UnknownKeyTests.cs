using DagMaster.Infrastructure.Workflows.Yaml;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Infrastructure.Workflows;

public sealed class UnknownKeyTests
{
    private const string UnknownKey = "yaml.key.unknown";

    [Fact]
    public void Read_WhenTopLevelKeyIsMisspelt_ReportsItWithLineAndSuggestion()
    {
        var yaml = WorkflowYaml.Minimal().WithHeader("descripton: Does the work");

        var error = yaml.Read().ShouldHaveOnlyError(UnknownKey);

        error.Message.ShouldContain("unknown key 'descripton' in the workflow");
        error.Message.ShouldContain("did you mean 'description'?");
        error.Line.ShouldBe(yaml.LineOf("descripton:"));
    }

    [Fact]
    public void Read_WhenKeyIsNothingLikeAKnownOne_ReportsItWithoutSuggestion()
    {
        var yaml = WorkflowYaml.Minimal().WithHeader("owner: team-raster");

        var error = yaml.Read().ShouldHaveOnlyError(UnknownKey);

        error.Message.ShouldContain("'owner'");
        error.Message.ShouldNotContain("did you mean");
        error.Line.ShouldBe(yaml.LineOf("owner:"));
    }

    [Fact]
    public void Read_WhenInputKeyIsMisspelt_ReportsItWithLineAndSuggestion()
    {
        var yaml = WorkflowYaml.Minimal().WithSection("inputs:", "  count:", "    type: integer", "    requird: false");

        var error = yaml.Read().ShouldHaveOnlyError(UnknownKey);

        error.Message.ShouldContain("'requird'");
        error.Message.ShouldContain("input 'count'");
        error.Message.ShouldContain("did you mean 'required'?");
        error.Line.ShouldBe(yaml.LineOf("requird:"));
    }

    [Fact]
    public void Read_WhenListFormInputKeyIsMisspelt_ReportsItWithLineAndSuggestion()
    {
        var yaml = WorkflowYaml.Minimal().WithSection("inputs:", "  - name: count", "    typ: integer");

        var error = yaml.Read().ShouldHaveOnlyError(UnknownKey);

        error.Message.ShouldContain("'typ'");
        error.Message.ShouldContain("did you mean 'type'?");
        error.Line.ShouldBe(yaml.LineOf("typ:"));
    }

    [Fact]
    public void Read_WhenNodeKeyIsMisspelt_ReportsItOnceWithLineAndSuggestion()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("end", "depend_on: [work]");

        var error = yaml.Read().ShouldHaveOnlyError(UnknownKey);

        error.Message.ShouldContain("'depend_on'");
        error.Message.ShouldContain("node 'end'");
        error.Message.ShouldContain("did you mean 'depends_on'?");
        error.Line.ShouldBe(yaml.LineOfNodeKey("end", "depend_on"));
    }

    [Fact]
    public void Read_WhenMapFormNodeHasIdKey_ReportsItAsUnknown()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("work", "id: work");

        var error = yaml.Read().ShouldHaveOnlyError(UnknownKey);

        error.Message.ShouldContain("'id'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("work", "id"));
    }

    [Fact]
    public void Read_WhenRetryKeyIsMisspelt_ReportsItWithLineAndSuggestion()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("work", "retry:", "  max_attempt: 2");

        var error = yaml.Read().ShouldHaveOnlyError(UnknownKey);

        error.Message.ShouldContain("'max_attempt'");
        error.Message.ShouldContain("'retry' of node 'work'");
        error.Message.ShouldContain("did you mean 'max_attempts'?");
        error.Line.ShouldBe(yaml.LineOf("max_attempt:"));
    }

    [Fact]
    public void Read_WhenFanOutTaskKeyIsMisspelt_ReportsItWithLineAndSuggestion()
    {
        var yaml = WorkflowYaml.Minimal()
            .WithSection("inputs:", "  items:", "    type: array")
            .WithNodeKey("start", "next: split")
            .WithNode("split", "type: fan_out", "source: \"{{ inputs.items }}\"", "task:", "  handler: echo", "  parms: {a: 1}", "next: merge")
            .WithNode("merge", "type: fan_in", "next: work");

        var error = yaml.Read().ShouldHaveOnlyError(UnknownKey);

        error.Message.ShouldContain("'parms'");
        error.Message.ShouldContain("'task' of node 'split'");
        error.Message.ShouldContain("did you mean 'params'?");
        error.Line.ShouldBe(yaml.LineOf("parms:"));
    }

    [Fact]
    public void Read_WhenBranchKeyIsMisspelt_ReportsItWithLineAndSuggestion()
    {
        var yaml = WorkflowYaml.Minimal()
            .WithNodeKey("start", "next: route")
            .WithNode(
                "route",
                "type: conditional",
                "condition_field: \"{{ 1 }}\"",
                "branches:",
                "  - name: small",
                "    condition: \"< 100\"",
                "    nxt: end",
                "    next: work",
                "  - default: true",
                "    next: end");

        var error = yaml.Read().ShouldHaveOnlyError(UnknownKey);

        error.Message.ShouldContain("'nxt'");
        error.Message.ShouldContain("a branch of node 'route'");
        error.Message.ShouldContain("did you mean 'next'?");
        error.Line.ShouldBe(yaml.LineOf("nxt:"));
    }

    [Fact]
    public void Read_WhenDependsOnMapKeyIsMisspelt_ReportsItWithLineAndSuggestion()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("end", "depends_on:", "  all_of: [work]", "  anyof: [start]");

        var error = yaml.Read().ShouldHaveOnlyError(UnknownKey);

        error.Message.ShouldContain("'anyof'");
        error.Message.ShouldContain("'depends_on' of node 'end'");
        error.Message.ShouldContain("did you mean 'any_of'?");
        error.Line.ShouldBe(yaml.LineOf("anyof:"));
    }

    [Fact]
    public void Read_WhenUnknownKeysStandAtEveryLevel_ReportsAllOfThemAtOnce()
    {
        const string yaml = """
            workflow_id: test_flow
            name: Test flow
            owner: raster-team
            inputs:
              items:
                type: array
                requird: true
            nodes:
              start:
                type: start
                nxt: split
                next: split
              split:
                type: fan_out
                source: "{{ inputs.items }}"
                retry:
                  max_attempt: 2
                task:
                  handler: echo
                  qeue: tiles
                next: merge
              merge:
                type: fan_in
                next: route
              route:
                type: conditional
                condition_field: "{{ 1 }}"
                branches:
                  - name: small
                    condition: "< 100"
                    target: end
                    next: end
                  - default: true
                    next: end
              end:
                type: end
                depends_on:
                  all: [route]
            """;

        var result = new YamlWorkflowDefinitionReader().Read(yaml);

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldAllBe(e => e.Code == UnknownKey);
        result.Errors.Select(e => (e.Line, Key: e.Message.Split('\'')[1])).ShouldBe(
            [(3, "owner"), (7, "requird"), (11, "nxt"), (17, "max_attempt"), (20, "qeue"), (31, "target"), (38, "all")],
            ignoreOrder: true);
    }
}
