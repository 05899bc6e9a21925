using DagMaster.Domain.Workflows;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Infrastructure.Workflows;

public sealed class ConditionalRulesTests
{
    private static readonly string[] s_smallBranch = ["  - name: small", "    condition: \"< 100\"", "    next: work"];
    private static readonly string[] s_defaultBranch = ["  - default: true", "    next: large"];

    /// <summary>start → route (list form: small → work, default → large) → end.</summary>
    private static WorkflowYaml ListForm(params string[][] branches) => WorkflowYaml.Minimal()
        .WithSection("inputs:", "  size:", "    type: number")
        .WithNodeKey("start", "next: route")
        .WithNode("route", ["type: conditional", "condition_field: \"{{ inputs.size }}\"", "branches:", .. branches.SelectMany(b => b)])
        .WithNode("large", "handler: echo", "next: end");

    private static WorkflowYaml ListForm() => ListForm(s_smallBranch, s_defaultBranch);

    /// <summary>start → route (boolean form: true → work, false → large) → end.</summary>
    private static WorkflowYaml BooleanForm(params string[] branches) => WorkflowYaml.Minimal()
        .WithSection("inputs:", "  flag:", "    type: boolean")
        .WithNodeKey("start", "next: route")
        .WithNode("route", ["type: conditional", "condition: \"{{ inputs.flag }}\"", "branches:", .. branches.Select(b => "  " + b)])
        .WithNode("large", "handler: echo", "next: end");

    private static WorkflowYaml BooleanForm() => BooleanForm("true: work", "false: large");

    [Fact]
    public void Read_WhenListFormIsValid_BuildsBranchesInOrderWithOneDefault()
    {
        var definition = ListForm().Read().ShouldBeValid();

        var route = definition.GetNode("route");
        route.IsBooleanConditional.ShouldBeFalse();
        route.ConditionField.ShouldBe("{{ inputs.size }}");
        route.Branches.ShouldBe([new ConditionalBranch("small", "< 100", "work", false), new ConditionalBranch(null, null, "large", true)]);
        route.Successors.ShouldBe(["work", "large"]);
    }

    [Fact]
    public void Read_WhenListFormHasNoConditionField_ReportsConditionFieldRequiredOnTheNode()
    {
        var yaml = ListForm().WithoutNodeKey("route", "condition_field");

        var error = yaml.Read().ShouldHaveOnlyError("conditional.condition_field.required");

        error.Message.ShouldContain("'route'");
        error.Message.ShouldContain("'condition_field'");
        error.Line.ShouldBe(yaml.LineOfNode("route"));
        error.NodeId.ShouldBe("route");
    }

    [Fact]
    public void Read_WhenBranchHasNoNext_ReportsBranchNextRequiredOnTheBranch()
    {
        var yaml = ListForm(["  - name: small", "    condition: \"< 100\""], s_defaultBranch).WithNodeKey("start", "next: [route, work]");

        var error = yaml.Read().ShouldHaveOnlyError("conditional.branch.next.required");

        error.Message.ShouldContain("'route'");
        error.Message.ShouldContain("'next'");
        error.Line.ShouldBe(yaml.LineOf("- name: small"));
        error.NodeId.ShouldBe("route");
    }

    [Fact]
    public void Read_WhenNonDefaultBranchHasNoCondition_ReportsBranchConditionRequiredOnTheBranch()
    {
        var yaml = ListForm(["  - name: small", "    next: work"], s_defaultBranch);

        var error = yaml.Read().ShouldHaveError("conditional.branch.condition.required");

        error.Message.ShouldContain("'small'");
        error.Message.ShouldContain("'route'");
        error.Message.ShouldContain("'condition'");
        error.Line.ShouldBe(yaml.LineOf("- name: small"));
        error.NodeId.ShouldBe("route");
    }

    [Fact]
    public void Read_WhenNoBranchIsDefault_ReportsDefaultCountZeroOnBranchesLine()
    {
        var yaml = ListForm(s_smallBranch, ["  - name: big", "    condition: \">= 100\"", "    next: large"]);

        var error = yaml.Read().ShouldHaveOnlyError("conditional.default.count");

        error.Message.ShouldContain("'route'");
        error.Message.ShouldContain("found 0");
        error.Line.ShouldBe(yaml.LineOfNodeKey("route", "branches"));
        error.NodeId.ShouldBe("route");
    }

    [Fact]
    public void Read_WhenTwoBranchesAreDefault_ReportsDefaultCountTwoOnBranchesLine()
    {
        var yaml = ListForm(s_smallBranch, s_defaultBranch, ["  - default: true", "    next: end"]);

        var error = yaml.Read().ShouldHaveOnlyError("conditional.default.count");

        error.Message.ShouldContain("'route'");
        error.Message.ShouldContain("found 2");
        error.Line.ShouldBe(yaml.LineOfNodeKey("route", "branches"));
    }

    [Fact]
    public void Read_WhenDefaultBranchAlsoHasCondition_ReportsDefaultWithConditionOnConditionLine()
    {
        var yaml = ListForm(s_smallBranch, ["  - default: true", "    condition: \">= 100\"", "    next: large"]);

        var error = yaml.Read().ShouldHaveOnlyError("conditional.branch.default_with_condition");

        error.Message.ShouldContain("'route'");
        error.Line.ShouldBe(yaml.LineOf("condition: \">= 100\""));
    }

    [Fact]
    public void Read_WhenListFormUsesCondition_ReportsConditionInListFormOnConditionLine()
    {
        var yaml = ListForm().WithNodeKey("route", "condition: \"{{ true }}\"");

        var error = yaml.Read().ShouldHaveOnlyError("conditional.condition.list_form");

        error.Message.ShouldContain("'route'");
        error.Message.ShouldContain("'condition'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("route", "condition"));
    }

    [Fact]
    public void Read_WhenConditionalHasNext_ReportsConditionalNextOnNextLine()
    {
        var yaml = ListForm().WithNodeKey("route", "next: end");

        var error = yaml.Read().ShouldHaveOnlyError("conditional.next");

        error.Message.ShouldContain("'route'");
        error.Message.ShouldContain("'next'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("route", "next"));
        error.NodeId.ShouldBe("route");
    }

    [Fact]
    public void Read_WhenConditionalHasNoBranches_ReportsBranchesRequiredOnTheNode()
    {
        var yaml = WorkflowYaml.Minimal()
            .WithNodeKey("start", "next: [route, work]")
            .WithNode("route", "type: conditional", "condition_field: \"{{ 1 }}\"");

        var error = yaml.Read().ShouldHaveError("conditional.branches.required");

        error.Message.ShouldContain("'route'");
        error.Message.ShouldContain("'branches'");
        error.Line.ShouldBe(yaml.LineOfNode("route"));
    }

    [Fact]
    public void Read_WhenBooleanFormIsValid_BuildsTrueAndFalseBranches()
    {
        var definition = BooleanForm().Read().ShouldBeValid();

        var route = definition.GetNode("route");
        route.IsBooleanConditional.ShouldBeTrue();
        route.Condition.ShouldBe("{{ inputs.flag }}");
        route.Branches.Select(b => (b.Name, b.Target)).ShouldBe([("true", "work"), ("false", "large")]);
        route.Successors.ShouldBe(["work", "large"]);
    }

    [Fact]
    public void Read_WhenBooleanFormHasNoCondition_ReportsConditionRequiredOnTheNode()
    {
        var yaml = BooleanForm().WithoutNodeKey("route", "condition");

        var error = yaml.Read().ShouldHaveOnlyError("conditional.condition.required");

        error.Message.ShouldContain("'route'");
        error.Message.ShouldContain("'condition'");
        error.Line.ShouldBe(yaml.LineOfNode("route"));
        error.NodeId.ShouldBe("route");
    }

    [Theory]
    [InlineData("true", "false: large")]
    [InlineData("false", "true: work")]
    public void Read_WhenBooleanFormLacksABranch_ReportsBranchMissingOnBranchesLine(string missing, string present)
    {
        var yaml = BooleanForm(present).WithNodeKey("start", "next: [route, work, large]");

        var error = yaml.Read().ShouldHaveOnlyError("conditional.branch.missing");

        error.Message.ShouldContain("'route'");
        error.Message.ShouldContain($"'{missing}'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("route", "branches"));
        error.NodeId.ShouldBe("route");
    }

    [Fact]
    public void Read_WhenBooleanFormHasExtraBranchKey_ReportsBranchKeyOnThatKey()
    {
        var yaml = BooleanForm("true: work", "false: large", "maybe: end");

        var error = yaml.Read().ShouldHaveOnlyError("conditional.branch.key");

        error.Message.ShouldContain("'route'");
        error.Message.ShouldContain("'maybe'");
        error.Line.ShouldBe(yaml.LineOf("maybe: end"));
        error.NodeId.ShouldBe("route");
    }

    [Fact]
    public void Read_WhenBooleanFormBranchHasNoTarget_ReportsTheBranch()
    {
        var yaml = BooleanForm("true: work", "false:").WithNodeKey("start", "next: [route, large]");

        var error = yaml.Read().ShouldHaveError("conditional.branch.next.required");

        error.Message.ShouldContain("'route'");
        error.Message.ShouldContain("'false'");
        error.Line.ShouldBe(yaml.LineOf("false:"));
        error.NodeId.ShouldBe("route");
    }

    [Fact]
    public void Read_WhenBooleanFormUsesConditionField_ReportsConditionFieldInBooleanFormOnItsLine()
    {
        var yaml = BooleanForm().WithNodeKey("route", "condition_field: \"{{ inputs.flag }}\"");

        var error = yaml.Read().ShouldHaveOnlyError("conditional.condition_field.boolean_form");

        error.Message.ShouldContain("'route'");
        error.Message.ShouldContain("'condition_field'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("route", "condition_field"));
    }

    [Fact]
    public void Read_WhenBranchesIsAScalar_ReportsTypeErrorOnBranchesLine()
    {
        var yaml = ListForm().WithNodeKey("route", "branches: work");

        var error = yaml.Read().ShouldHaveError("yaml.type");

        error.Message.ShouldContain("'branches'");
        error.Message.ShouldContain("'route'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("route", "branches"));
    }
}
