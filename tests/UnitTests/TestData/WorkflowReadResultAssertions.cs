using DagMaster.Application.Abstractions;
using DagMaster.Domain.Workflows;

namespace DagMaster.UnitTests.TestData;

/// <summary>Shouldly-style checks on the outcome of reading a workflow file.</summary>
public static class WorkflowReadResultAssertions
{
    /// <summary>Asserts the file was refused with exactly one error of <paramref name="code"/> and returns it.</summary>
    public static WorkflowError ShouldHaveError(this WorkflowReadResult result, string code)
    {
        result.IsValid.ShouldBeFalse();
        var matching = result.Errors.Where(e => e.Code == code).ToList();
        matching.Count.ShouldBe(1, $"expected one '{code}' error; got: {Describe(result)}");
        return matching[0];
    }

    /// <summary>Asserts the file was refused with exactly one error, of <paramref name="code"/>, and returns it.</summary>
    public static WorkflowError ShouldHaveOnlyError(this WorkflowReadResult result, string code)
    {
        result.IsValid.ShouldBeFalse();
        result.Errors.Count.ShouldBe(1, $"expected only '{code}'; got: {Describe(result)}");
        result.Errors[0].Code.ShouldBe(code);
        return result.Errors[0];
    }

    /// <summary>Asserts the file loaded and returns its definition.</summary>
    public static WorkflowDefinition ShouldBeValid(this WorkflowReadResult result)
    {
        result.Errors.ShouldBeEmpty($"expected no errors; got: {Describe(result)}");
        return result.Definition.ShouldNotBeNull();
    }

    private static string Describe(WorkflowReadResult result) =>
        result.Errors.Count == 0 ? "no errors" : string.Join("; ", result.Errors.Select(e => $"[{e.Code}] line {e.Line}: {e.Message}"));
}
