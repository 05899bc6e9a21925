using System.Text.Json;
using DagMaster.Application.Abstractions;
using DagMaster.Domain.Workflows;
using DagMaster.Infrastructure.Workflows.Yaml;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Infrastructure.Workflows;

public sealed class YamlReadingTests
{
    private static WorkflowReadResult Read(string yaml) => new YamlWorkflowDefinitionReader().Read(yaml);

    [Fact]
    public void Read_WhenFlowSequenceIsNotClosed_ReportsSyntaxErrorWithItsLine()
    {
        const string yaml = """
            workflow_id: test_flow
            name: Test flow
            nodes:
              start:
                type: start
                next: [work
              end:
                type: end
            """;

        var error = Read(yaml).ShouldHaveOnlyError("yaml.syntax");

        error.Message.ShouldStartWith("invalid YAML:");
        error.Message.ShouldContain("left open");
        error.Line.ShouldBe(7);
    }

    [Fact]
    public void Read_WhenIndentationIsBroken_ReportsSyntaxErrorWithItsLine()
    {
        const string yaml = """
            workflow_id: test_flow
            name: Test flow
            nodes:
              start:
                type: start
               next: end
            """;

        var error = Read(yaml).ShouldHaveOnlyError("yaml.syntax");

        error.Line.ShouldBe(6);
    }

    [Theory]
    [InlineData("workflow_id: test_flow\nname: \"Test flow\nnodes: {}\n", 2)]
    [InlineData("workflow_id: test_flow\nname: Test flow\nnodes: {start: {type: start}\n", 4)]
    [InlineData("workflow_id: test_flow\nname: Test flow\nnodes: [\n", 4)]
    [InlineData("workflow_id: test_flow\nname: Test flow: again\n", 2)]
    [InlineData("workflow_id: test_flow\n- name\n", 2)]
    public void Read_WhenYamlIsMalformed_ReportsSyntaxErrorInsteadOfThrowing(string yaml, int line)
    {
        var error = Read(yaml).ShouldHaveOnlyError("yaml.syntax");

        error.Line.ShouldBe(line);
    }

    [Theory]
    [InlineData("workflow_id: test_flow\nname: Test flow\nnodes:\n\tstart: {}\n", 4)]
    [InlineData("workflow_id: test_flow\nname: Test flow\nnodes:\n  start: {type: start, next: end}\n\tend: {type: end}\n", 5)]
    [InlineData("workflow_id: test_flow\n\tname: Test flow\n", 2)]
    public void Read_WhenIndentedWithTab_ReportsSyntaxErrorOnTheTabsLine(string yaml, int line)
    {
        var error = Read(yaml).ShouldHaveOnlyError("yaml.syntax");

        error.Message.ShouldContain("tab");
        error.Line.ShouldBe(line);
    }

    [Fact]
    public void Read_WhenCommentsAndBlankLinesPrecedeAKey_ReportsTheKeysOwnLine()
    {
        const string yaml = """
            # A workflow

            workflow_id: test_flow
            name: Test flow

            # The graph
            nodes:
              start:
                type: start   # entry
                next: end

              end:
                type: end
                colour: blue
            """;

        var error = Read(yaml).ShouldHaveOnlyError("yaml.key.unknown");

        error.Message.ShouldContain("'colour'");
        error.Line.ShouldBe(14);
    }

    [Theory]
    [InlineData("version: one", "version", "whole number")]
    [InlineData("version: \"2\"", "version", "whole number")]
    [InlineData("version: 1.5", "version", "whole number")]
    [InlineData("name: [a, b]", "name", "text")]
    [InlineData("timeout_seconds: {s: 1}", "timeout_seconds", "whole number")]
    [InlineData("inputs: 5", "inputs", "mapping or a list")]
    public void Read_WhenTopLevelValueHasWrongType_ReportsTypeErrorOnItsLine(string line, string key, string expected)
    {
        var yaml = WorkflowYaml.Minimal().WithHeader(line);

        var error = yaml.Read().ShouldHaveError("yaml.type");

        error.Message.ShouldContain($"'{key}'");
        error.Message.ShouldContain(expected);
        error.Line.ShouldBe(yaml.LineOf(line));
    }

    [Theory]
    [InlineData("timeout_seconds: \"60\"", "whole number")]
    [InlineData("priority: high", "whole number")]
    [InlineData("handler: [echo]", "text")]
    [InlineData("next: {to: end}", "node id")]
    [InlineData("params: [1, 2]", "mapping")]
    [InlineData("retry: 3", "mapping")]
    public void Read_WhenNodeValueHasWrongType_ReportsTypeErrorOnItsLine(string line, string expected)
    {
        var key = line.Split(':')[0];
        var yaml = WorkflowYaml.Minimal().WithNodeKey("work", line);

        var error = yaml.Read().ShouldHaveError("yaml.type");

        error.Message.ShouldContain($"'{key}'");
        error.Message.ShouldContain("node 'work'");
        error.Message.ShouldContain(expected);
        error.Line.ShouldBe(yaml.LineOfNodeKey("work", key));
    }

    [Theory]
    [InlineData("required: yes", "true or false")]
    [InlineData("required: \"true\"", "true or false")]
    [InlineData("type: [integer]", "text")]
    public void Read_WhenInputValueHasWrongType_ReportsTypeErrorOnItsLine(string line, string expected)
    {
        var yaml = WorkflowYaml.Minimal().WithSection("inputs:", "  count:", $"    {line}");

        var error = yaml.Read().ShouldHaveError("yaml.type");

        error.Message.ShouldContain($"'{line.Split(':')[0]}'");
        error.Message.ShouldContain("input 'count'");
        error.Message.ShouldContain(expected);
        error.Line.ShouldBe(yaml.LineOf(line));
    }

    [Fact]
    public void Read_WhenNodeIsNotAMapping_ReportsTypeErrorOnItsLine()
    {
        var yaml = WorkflowYaml.Minimal().WithNode("work", "- echo");

        var error = yaml.Read().ShouldHaveError("yaml.type");

        error.Message.ShouldContain("node 'work'");
        error.Message.ShouldContain("mapping");
        error.Line.ShouldBe(yaml.LineOf("- echo"));
    }

    // YamlDotNet refuses a repeated key while building the tree, so it surfaces as a syntax error naming the key.
    [Fact]
    public void Read_WhenTopLevelKeyIsRepeated_ReportsDuplicateKeyOnTheSecond()
    {
        const string yaml = """
            workflow_id: test_flow
            name: Test flow
            name: Other flow
            nodes:
              start: {type: start, next: end}
              end: {type: end}
            """;

        var error = Read(yaml).ShouldHaveOnlyError("yaml.syntax");

        error.Message.ShouldContain("Duplicate key name");
        error.Line.ShouldBe(3);
    }

    [Fact]
    public void Read_WhenNodeKeyIsRepeated_ReportsDuplicateKeyOnTheSecond()
    {
        const string yaml = """
            workflow_id: test_flow
            name: Test flow
            nodes:
              start:
                type: start
                next: end
                next: start
              end: {type: end}
            """;

        var error = Read(yaml).ShouldHaveOnlyError("yaml.syntax");

        error.Message.ShouldContain("Duplicate key next");
        error.Line.ShouldBe(7);
    }

    [Fact]
    public void Read_WhenMapFormRepeatsNodeId_ReportsDuplicateKeyNamingTheNode()
    {
        const string yaml = """
            workflow_id: test_flow
            name: Test flow
            nodes:
              start: {type: start, next: end}
              end: {type: end}
              start: {type: start, next: end}
            """;

        var error = Read(yaml).ShouldHaveOnlyError("yaml.syntax");

        error.Message.ShouldContain("Duplicate key start");
        error.Line.ShouldBe(6);
    }

    [Theory]
    [InlineData("- workflow_id: test_flow\n- name: Test flow\n")]
    [InlineData("just some text\n")]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Read_WhenRootIsNotAMapping_ReportsRootError(string yaml)
    {
        var error = Read(yaml).ShouldHaveOnlyError("yaml.root");

        error.Message.ShouldContain("mapping");
        error.Line.ShouldBe(1);
    }

    [Fact]
    public void Read_WhenFileHoldsTwoDocuments_ReportsRootError()
    {
        var yaml = WorkflowYaml.Minimal() + "---\n" + WorkflowYaml.Minimal().WithHeader("version: 2");

        var error = Read(yaml).ShouldHaveOnlyError("yaml.root");

        error.Message.ShouldContain("exactly one YAML document");
        error.Line.ShouldBe(1);
    }

    [Fact]
    public void Read_WhenDocumentHasExplicitStartAndEndMarkers_Loads()
    {
        var definition = Read("---\n" + WorkflowYaml.Minimal() + "...\n").ShouldBeValid();

        definition.WorkflowId.ShouldBe("test_flow");
    }

    [Fact]
    public void Read_WhenParamsMixQuotedAndPlainScalars_QuotedStayStringsAndPlainResolve()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey(
            "work",
            "params:",
            "  quoted_int: \"5\"",
            "  plain_int: 5",
            "  quoted_bool: 'true'",
            "  plain_bool: true",
            "  quoted_null: \"null\"",
            "  plain_null: null",
            "  tilde: ~",
            "  empty:",
            "  plain_float: 1.5",
            "  exponent: 1e3",
            "  negative: -7",
            "  word: yes",
            "  list: [1, \"2\", three]",
            "  nested: {a: 1, b: \"1\"}");

        var parameters = yaml.Read().ShouldBeValid().GetNode("work").Task!.Params;

        parameters["quoted_int"].ShouldBe("5");
        parameters["plain_int"].ShouldBe(5L);
        parameters["quoted_bool"].ShouldBe("true");
        parameters["plain_bool"].ShouldBe(true);
        parameters["quoted_null"].ShouldBe("null");
        parameters["plain_null"].ShouldBeNull();
        parameters["tilde"].ShouldBeNull();
        parameters["empty"].ShouldBeNull();
        parameters["plain_float"].ShouldBe(1.5);
        parameters["exponent"].ShouldBe(1000.0);
        parameters["negative"].ShouldBe(-7L);
        parameters["word"].ShouldBe("yes");
        parameters["list"].ShouldBe(new List<object?> { 1L, "2", "three" });
        parameters["nested"].ShouldBe(new Dictionary<string, object?> { ["a"] = 1L, ["b"] = "1" });
    }

    [Fact]
    public void Read_WhenIdsAreQuoted_TreatsThemLikePlainOnes()
    {
        var definition = WorkflowYaml.Minimal()
            .WithHeader("workflow_id: \"test_flow\"")
            .WithNodeKey("start", "next: 'work'")
            .WithNodeKey("work", "handler: \"echo\"")
            .Read()
            .ShouldBeValid();

        definition.WorkflowId.ShouldBe("test_flow");
        definition.GetNode("start").Successors.ShouldBe(["work"]);
        definition.GetNode("work").Task!.Handler.ShouldBe("echo");
    }

    [Fact]
    public void Read_WhenListFormAndMapFormDescribeTheSameWorkflow_BuildEqualDefinitions()
    {
        const string mapForm = """
            workflow_id: test_flow
            name: Test flow
            version: 3
            inputs:
              source_url:
                type: string
                description: Where to read from
              count:
                type: integer
                default: 2
            nodes:
              start:
                type: start
                next: work
              work:
                handler: echo
                queue: q
                params: {url: "{{ inputs.source_url }}", n: 2}
                retry: {max_attempts: 4, backoff: fixed}
                next: route
              route:
                type: conditional
                condition_field: "{{ inputs.count }}"
                branches:
                  - name: many
                    condition: "> 1"
                    next: end
                  - default: true
                    next: end
              end:
                type: end
            """;
        const string listForm = """
            workflow_id: test_flow
            name: Test flow
            version: 3
            inputs:
              - name: source_url
                type: string
                description: Where to read from
              - name: count
                type: integer
                default: 2
            nodes:
              - id: start
                type: start
              - id: work
                handler: echo
                queue: q
                params: {url: "{{ inputs.source_url }}", n: 2}
                retry: {max_attempts: 4, backoff: fixed}
                depends_on: [start]
              - id: route
                type: conditional
                depends_on: [work]
                condition_field: "{{ inputs.count }}"
                branches:
                  - name: many
                    condition: "> 1"
                    next: end
                  - default: true
                    next: end
              - id: end
                type: end
            """;

        var fromMap = Read(mapForm).ShouldBeValid();
        var fromList = Read(listForm).ShouldBeValid();

        Shape(fromList).ShouldBe(Shape(fromMap));
        fromMap.Inputs.Select(i => (i.Name, i.Type, i.Required)).ShouldBe([("source_url", InputType.String, true), ("count", InputType.Integer, false)]);
        fromMap.GetNode("end").AllOf.ShouldBe(["route"]);
    }

    [Fact]
    public void Read_WhenFileHasSeveralProblems_ReportsAllOfThemInLineOrder()
    {
        const string yaml = """
            workflow_id: Test Flow
            name: Test flow
            versoin: 2
            inputs:
              count: {type: int}
            nodes:
              start:
                type: start
                next: work
              work:
                type: task
                priority: 10
                next: [end, ghost]
              idle:
                type: task
                next: end
              end:
                type: end
            """;

        var result = Read(yaml);

        result.IsValid.ShouldBeFalse();
        result.Errors.Select(e => (e.Code, e.Line)).ShouldBe(
        [
            ("workflow_id.invalid", 1),
            ("yaml.key.unknown", 3),
            ("input.type.invalid", 5),
            ("task.handler.required", 10),
            ("priority.range", 12),
            ("edge.unknown", 13),
            ("task.handler.required", 14),
            ("graph.unreachable", 14),
        ], ignoreOrder: true);
        result.Errors.Select(e => e.Line).ShouldBeInOrder();
    }

    [Fact]
    public void Read_WhenOnlyReadingErrorsAreFound_ReportsThemInLineOrder()
    {
        const string yaml = """
            workflow_id: test_flow
            name: Test flow
            nodes:
              start: {type: start, next: end}
              end:
                type: end
                colour: blue
            owner: raster-team
            """;

        var result = Read(yaml);

        result.IsValid.ShouldBeFalse();
        result.Errors.Select(e => (e.Code, e.Line)).ShouldBe([("yaml.key.unknown", 7), ("yaml.key.unknown", 8)]);
    }

    [Fact]
    public void Read_WhenAliasNamesNoAnchor_ReportsSyntaxErrorOnItsLine()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("work", "params: {copy: *nothing}");

        var error = yaml.Read().ShouldHaveOnlyError("yaml.syntax");

        error.Message.ShouldContain("'*nothing'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("work", "params"));
    }

    [Fact]
    public void Read_WhenTextIsTheSame_GivesTheSameContentHash()
    {
        var text = WorkflowYaml.Minimal().ToString();

        var first = Read(text);
        var second = Read(text);
        var changed = Read(text + "# a comment\n");

        first.ContentHash.ShouldBe(second.ContentHash);
        first.ContentHash.ShouldMatch("^[0-9a-f]{64}$");
        changed.ContentHash.ShouldNotBe(first.ContentHash);
    }

    /// <summary>Everything a definition says, minus source lines, as comparable text.</summary>
    private static string Shape(WorkflowDefinition definition) => JsonSerializer.Serialize(new
    {
        definition.WorkflowId,
        definition.Name,
        definition.Version,
        definition.Description,
        definition.TimeoutSeconds,
        definition.Inputs,
        definition.StartNodeId,
        Nodes = definition.Nodes.Select(n => new
        {
            n.Id,
            n.Type,
            n.Description,
            n.AllOf,
            n.AnyOf,
            n.Successors,
            n.Task,
            n.Retry,
            n.ConditionField,
            n.IsBooleanConditional,
            n.Condition,
            n.Branches,
            n.FanOutSource,
            n.MaxParallel,
            n.AggregatedFanOut,
            n.Aggregation,
        }),
        definition.Outputs,
    });
}
