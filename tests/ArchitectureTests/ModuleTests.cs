using System.Reflection;
using DagMaster.ArchitectureTests.Violations.Modules.Alpha;
using NetArchTest.Rules;

namespace DagMaster.ArchitectureTests;

/// <summary>
/// Modules are namespaces, not projects, and meet only through ids and domain events (style 6.1 rule 2).
/// For each module M in each layer, types in <c>DagMaster.&lt;Layer&gt;.M.</c> must not depend on
/// <c>DagMaster.&lt;Layer&gt;.&lt;Other&gt;</c> unless <see cref="AllowedDependencies"/> says so.
/// </summary>
public sealed class ModuleTests : ArchitectureTestBase
{
    /// <summary>Stands for every module in <see cref="AllowedDependencies"/>.</summary>
    public const string AnyModule = "*";

    /// <summary>The shared kernel namespace of each layer. It is not a module.</summary>
    public const string Common = "Common";

    /// <summary>DagMaster's modules: each is a top-level folder (namespace) in every layer.</summary>
    public static readonly IReadOnlyList<string> Modules = ["Workflows", "Jobs", "Dispatch", "Scheduling", "Platforms", "Assets", "Instances"];

    /// <summary>
    /// The only dependencies allowed between modules. Every other edge between two modules fails, in every layer.
    /// Add an edge here only with a reason, and prefer ids and domain events.
    /// </summary>
    public static readonly IReadOnlyList<(string From, string To)> AllowedDependencies =
    [
        // A job runs a snapshot of a workflow definition. The definition is the published language between the two.
        ("Jobs", "Workflows"),

        // A B2B submission is one transaction: the asset's revision and the job it starts commit together, and a
        // revision ends when its job does (the job's terminal event). The workflow is the one the platform maps the
        // request kind to: its inputs are validated and its outputs become the revision's artifacts. An asset belongs
        // to a platform, whose registry entry (refs, callback URL) the asset use cases read.
        ("Assets", "Jobs"),
        ("Assets", "Workflows"),
        ("Assets", "Platforms"),

        // Common is each layer's shared kernel (Entity, IAggregateRoot, IDomainEvent, behaviours, exceptions).
        // Without this entry Common counts as a forbidden target like any module.
        (AnyModule, Common),
    ];

    public static TheoryData<string> Layers => ["Domain", "Application", "Infrastructure", "WebApi", "WebUi"];

    /// <summary>
    /// One rule per module of <paramref name="modules"/> that has types under <paramref name="layerNamespace"/>.
    /// Modules without types in this layer are left out.
    /// </summary>
    public static IReadOnlyList<(string Module, ConditionList Rule)> ModulesAreIsolated(
        Assembly assembly,
        string layerNamespace,
        IReadOnlyList<string> modules,
        IReadOnlyList<(string From, string To)> allowed)
    {
        var rules = new List<(string, ConditionList)>();
        foreach (var module in modules)
        {
            // Trailing dot: ResideInNamespace is a prefix match, and "Jobs" must not select "JobsArchive".
            var moduleNamespace = $"{layerNamespace}.{module}.";
            if (!TypesIn(assembly, moduleNamespace).GetTypes().Any())
            {
                continue;
            }

            // No trailing dot: HaveDependencyOnAny matches whole segments, and "…Jobs." would match nothing.
            var forbidden = modules.Append(Common)
                .Where(other => other != module)
                .Where(other => !allowed.Any(a => (a.From == module || a.From == AnyModule) && a.To == other))
                .Select(other => $"{layerNamespace}.{other}")
                .ToArray();

            rules.Add((module, TypesIn(assembly, moduleNamespace).ShouldNot().HaveDependencyOnAny(forbidden)));
        }

        return rules;
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void ModulesAreIsolated_WhenAppliedToProduction_Passes(string layer)
    {
        var rules = ModulesAreIsolated(LayerAssembly(layer), $"DagMaster.{layer}", Modules, AllowedDependencies);
        if (rules.Count == 0)
        {
            Assert.Skip($"DagMaster.{layer} has no module namespaces yet.");
        }

        foreach (var (module, rule) in rules)
        {
            ShouldPass(rule, $"module {module} in DagMaster.{layer}");
        }
    }

    [Fact]
    public void ModulesAreIsolated_WhenAppliedToProduction_ChecksAtLeastOneLayerAndModule() =>
        // Skipping empty (layer, module) pairs must never make the whole rule vacuous.
        Layers.Select(row => row.Data)
            .Sum(layer => ModulesAreIsolated(LayerAssembly(layer), $"DagMaster.{layer}", Modules, AllowedDependencies).Count)
            .ShouldBeGreaterThan(0);

    [Fact]
    public void ModulesAreIsolated_WhenViolated_Fails()
    {
        // Same shape as production: Gamma → Alpha mirrors Jobs → Workflows, and Common is shared.
        IReadOnlyList<string> modules = ["Alpha", "Beta", "Gamma", "AlphaArchive"];
        IReadOnlyList<(string From, string To)> allowed = [("Gamma", "Alpha"), (AnyModule, Common)];

        var rules = ModulesAreIsolated(TestAssembly, ViolationsNamespace + ".Modules", modules, allowed);

        rules.Select(r => r.Module).ShouldBe(modules, ignoreOrder: true);
        rules.SelectMany(r => r.Rule.GetResult().FailingTypeNames ?? [])
            .ShouldBe([typeof(AlphaThing).FullName]);
    }

    private static Assembly LayerAssembly(string layer) => layer switch
    {
        "Domain" => DomainAssembly,
        "Application" => ApplicationAssembly,
        "Infrastructure" => InfrastructureAssembly,
        "WebApi" => WebApiAssembly,
        "WebUi" => WebUiAssembly,
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer, "Unknown layer."),
    };
}
