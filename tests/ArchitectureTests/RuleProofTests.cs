using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace DagMaster.ArchitectureTests;

/// <summary>
/// Style 6.1 rule 10: every architecture rule is shown to fail on a deliberate violation before it is trusted.
/// This keeps that true as rules are added: a rule checked on production code needs a <c>_WhenViolated_Fails</c> twin.
/// </summary>
public sealed partial class RuleProofTests
{
    private static readonly IReadOnlyList<Type> RuleClasses =
        [.. typeof(RuleProofTests).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ArchitectureTestBase)))];

    [Fact]
    public void EveryRule_WhenCheckedOnProduction_IsAlsoProvenOnViolations()
    {
        var testNames = RuleClasses
            .SelectMany(t => t.GetMethods())
            .Where(m => m.IsDefined(typeof(FactAttribute), inherit: true))
            .Select(m => m.Name)
            .ToList();

        var checkedOnProduction = RulesOf(testNames, ProductionTest());
        var provenOnViolations = RulesOf(testNames, ViolationTest());

        checkedOnProduction.ShouldNotBeEmpty();
        checkedOnProduction.Except(provenOnViolations).ShouldBeEmpty("rules checked on production code but never shown to fail");
        provenOnViolations.Except(checkedOnProduction).ShouldBeEmpty("rules shown to fail but never checked on production code");
    }

    [Fact]
    public void EveryRuleMethod_WhenDeclared_IsCheckedOnProduction()
    {
        var ruleMethods = RuleClasses
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(ConditionList))
            .Select(m => m.Name)
            .ToList();
        var testNames = RuleClasses.SelectMany(t => t.GetMethods()).Select(m => m.Name).ToList();

        ruleMethods.ShouldNotBeEmpty();
        ruleMethods.Where(rule => !testNames.Any(test => ProductionTest().Match(test) is { Success: true } match && match.Groups["rule"].Value == rule))
            .ShouldBeEmpty("rule methods without a <Rule>_WhenAppliedTo…_Passes test");
    }

    private static HashSet<string> RulesOf(IEnumerable<string> testNames, Regex pattern) =>
        [.. testNames.Select(name => pattern.Match(name)).Where(m => m.Success).Select(m => m.Groups["rule"].Value)];

    [GeneratedRegex("^(?<rule>[A-Za-z]+)_WhenAppliedTo[A-Za-z]+_Passes$")]
    private static partial Regex ProductionTest();

    [GeneratedRegex("^(?<rule>[A-Za-z]+)_WhenViolated_Fails$")]
    private static partial Regex ViolationTest();
}
