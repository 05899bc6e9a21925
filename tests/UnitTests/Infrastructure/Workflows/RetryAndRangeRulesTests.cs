using DagMaster.Domain.Workflows;
using DagMaster.UnitTests.TestData;

namespace DagMaster.UnitTests.Infrastructure.Workflows;

public sealed class RetryAndRangeRulesTests
{
    private static WorkflowYaml WithRetry(params string[] keys) =>
        WorkflowYaml.Minimal().WithNodeKey("work", ["retry:", .. keys.Select(k => "  " + k)]);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(86401)]
    public void Read_WhenTaskTimeoutIsOutOfRange_ReportsTimeoutRangeOnItsLine(int seconds)
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("work", $"timeout_seconds: {seconds}");

        var error = yaml.Read().ShouldHaveOnlyError("timeout_seconds.range");

        error.Message.ShouldContain("'timeout_seconds'");
        error.Message.ShouldContain("'work'");
        error.Message.ShouldContain($"not {seconds}");
        error.Line.ShouldBe(yaml.LineOfNodeKey("work", "timeout_seconds"));
        error.NodeId.ShouldBe("work");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(86400)]
    public void Read_WhenTaskTimeoutIsAtABound_KeepsIt(int seconds)
    {
        var definition = WorkflowYaml.Minimal().WithNodeKey("work", $"timeout_seconds: {seconds}").Read().ShouldBeValid();

        definition.GetNode("work").Task.ShouldNotBeNull().TimeoutSeconds.ShouldBe(seconds);
    }

    [Fact]
    public void Read_WhenFanOutTaskTimeoutIsOutOfRange_ReportsTimeoutRangeOnItsLine()
    {
        var yaml = WorkflowYaml.Minimal()
            .WithSection("inputs:", "  items:", "    type: array")
            .WithNodeKey("start", "next: split")
            .WithNode("split", "type: fan_out", "source: \"{{ inputs.items }}\"", "task:", "  handler: echo", "  timeout_seconds: 86401", "next: merge")
            .WithNode("merge", "type: fan_in", "next: work");

        var error = yaml.Read().ShouldHaveOnlyError("timeout_seconds.range");

        error.Message.ShouldContain("'split'");
        error.Line.ShouldBe(yaml.LineOf("timeout_seconds: 86401"));
        error.NodeId.ShouldBe("split");
    }

    [Fact]
    public void Read_WhenWorkflowTimeoutIsBelowOne_ReportsTimeoutRangeOnItsLine()
    {
        var yaml = WorkflowYaml.Minimal().WithHeader("timeout_seconds: 0");

        var error = yaml.Read().ShouldHaveOnlyError("timeout_seconds.range");

        error.Message.ShouldContain("'timeout_seconds'");
        error.Line.ShouldBe(yaml.LineOf("timeout_seconds: 0"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void Read_WhenMaxAttemptsIsOutOfRange_ReportsMaxAttemptsRangeOnItsLine(int attempts)
    {
        var yaml = WithRetry($"max_attempts: {attempts}");

        var error = yaml.Read().ShouldHaveOnlyError("retry.max_attempts.range");

        error.Message.ShouldContain("'max_attempts'");
        error.Message.ShouldContain("'work'");
        error.Message.ShouldContain($"not {attempts}");
        error.Line.ShouldBe(yaml.LineOf("max_attempts:"));
        error.NodeId.ShouldBe("work");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public void Read_WhenMaxAttemptsIsAtABound_KeepsIt(int attempts)
    {
        var definition = WithRetry($"max_attempts: {attempts}").Read().ShouldBeValid();

        definition.GetNode("work").Retry.MaxAttempts.ShouldBe(attempts);
    }

    [Theory]
    [InlineData("initial_delay_seconds", "-1")]
    [InlineData("max_delay_seconds", "-0.5")]
    public void Read_WhenDelayIsNegative_ReportsDelayRangeOnItsLine(string key, string value)
    {
        var yaml = WithRetry($"{key}: {value}");

        var error = yaml.Read().ShouldHaveOnlyError($"retry.{key}.range");

        error.Message.ShouldContain($"'{key}'");
        error.Message.ShouldContain("'work'");
        error.Line.ShouldBe(yaml.LineOf($"{key}:"));
        error.NodeId.ShouldBe("work");
    }

    [Fact]
    public void Read_WhenDelaysAreZero_KeepsThem()
    {
        var definition = WithRetry("initial_delay_seconds: 0", "max_delay_seconds: 0").Read().ShouldBeValid();

        definition.GetNode("work").Retry.ShouldBe(RetryPolicy.Default with { InitialDelaySeconds = 0, MaxDelaySeconds = 0 });
    }

    [Theory]
    [InlineData("fixed", BackoffKind.Fixed)]
    [InlineData("linear", BackoffKind.Linear)]
    [InlineData("exponential", BackoffKind.Exponential)]
    public void Read_WhenBackoffIsKnown_SetsItAndKeepsOtherDefaults(string text, BackoffKind expected)
    {
        var definition = WithRetry($"backoff: {text}").Read().ShouldBeValid();

        definition.GetNode("work").Retry.ShouldBe(RetryPolicy.Default with { Backoff = expected });
    }

    [Fact]
    public void Read_WhenBackoffIsUnknown_ReportsBackoffInvalidOnItsLine()
    {
        var yaml = WithRetry("backoff: quadratic");

        var error = yaml.Read().ShouldHaveOnlyError("retry.backoff.invalid");

        error.Message.ShouldContain("'backoff'");
        error.Message.ShouldContain("'work'");
        error.Message.ShouldContain("'quadratic'");
        error.Line.ShouldBe(yaml.LineOf("backoff:"));
        error.NodeId.ShouldBe("work");
    }

    [Fact]
    public void Read_WhenRetryBlockIsComplete_KeepsEveryValue()
    {
        var definition = WithRetry("max_attempts: 5", "backoff: linear", "initial_delay_seconds: 1.5", "max_delay_seconds: 60").Read().ShouldBeValid();

        definition.GetNode("work").Retry.ShouldBe(new RetryPolicy(5, BackoffKind.Linear, 1.5, 60));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(-1)]
    public void Read_WhenPriorityIsOutOfRange_ReportsPriorityRangeOnItsLine(int priority)
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("work", $"priority: {priority}");

        var error = yaml.Read().ShouldHaveOnlyError("priority.range");

        error.Message.ShouldContain("'priority'");
        error.Message.ShouldContain("'work'");
        error.Message.ShouldContain($"not {priority}");
        error.Line.ShouldBe(yaml.LineOfNodeKey("work", "priority"));
        error.NodeId.ShouldBe("work");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void Read_WhenPriorityIsAtABound_KeepsIt(int priority)
    {
        var definition = WorkflowYaml.Minimal().WithNodeKey("work", $"priority: {priority}").Read().ShouldBeValid();

        definition.GetNode("work").Task.ShouldNotBeNull().Priority.ShouldBe(priority);
    }

    [Fact]
    public void Read_WhenNumberDoesNotFitAnInt_ReportsRangeOnItsLine()
    {
        var yaml = WorkflowYaml.Minimal().WithNodeKey("work", "timeout_seconds: 99999999999");

        var error = yaml.Read().ShouldHaveOnlyError("yaml.range");

        error.Message.ShouldContain("'timeout_seconds'");
        error.Message.ShouldContain("'work'");
        error.Line.ShouldBe(yaml.LineOfNodeKey("work", "timeout_seconds"));
    }
}
