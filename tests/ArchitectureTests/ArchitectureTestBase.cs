using System.Reflection;
using System.Runtime.CompilerServices;
using Mediator;
using NetArchTest.Rules;

namespace DagMaster.ArchitectureTests;

/// <summary>
/// Assembly handles, type scopes and assertion helpers shared by the architecture tests.
/// </summary>
/// <remarks>
/// NetArchTest.Rules 1.3.2 matches namespaces in two different ways, and the rules depend on both:
/// <list type="bullet">
/// <item><c>ResideInNamespace</c> is a case-insensitive <b>prefix</b> match on the full name, so a selector for a
/// module needs a trailing dot (<c>"DagMaster.Domain.Jobs."</c>) or it also selects <c>JobsArchive</c>.</item>
/// <item><c>HaveDependencyOn*</c> matches whole, case-sensitive namespace <b>segments</b> (the namespace and its
/// sub-namespaces, or one full type name such as <c>"Ns.Foo`2"</c>). A trailing dot matches nothing, and the
/// rule then passes no matter what. Write dependency targets <b>without</b> a trailing dot.</item>
/// </list>
/// <see cref="NetArchTestBehaviourTests"/> pins both behaviours, so an upgrade that changes them fails loudly.
/// </remarks>
public abstract class ArchitectureTestBase
{
    protected static readonly Assembly DomainAssembly = typeof(Domain.Workflows.WorkflowDefinition).Assembly;
    protected static readonly Assembly ApplicationAssembly = typeof(Application.DependencyInjection).Assembly;
    protected static readonly Assembly InfrastructureAssembly = typeof(Infrastructure.DependencyInjection).Assembly;
    protected static readonly Assembly WebApiAssembly = typeof(Program).Assembly;

    // WebUi has no types yet, so there is no marker type to take the assembly from.
    protected static readonly Assembly WebUiAssembly = Assembly.Load("DagMaster.WebUi");

    /// <summary>This test assembly. It holds the deliberate violations and is never part of a production scope.</summary>
    protected static readonly Assembly TestAssembly = typeof(ArchitectureTestBase).Assembly;

    protected static readonly IReadOnlyList<Assembly> ProductionAssemblies =
        [DomainAssembly, ApplicationAssembly, InfrastructureAssembly, WebApiAssembly, WebUiAssembly];

    /// <summary>Root namespace of the deliberate violations in <c>Violations/</c>.</summary>
    protected const string ViolationsNamespace = "DagMaster.ArchitectureTests.Violations";

    /// <summary>
    /// All of our own production types. The generated Mediator code in the WebApi assembly (namespace
    /// <c>Mediator</c>) and the top-level <c>Program</c> fall outside <c>DagMaster.</c> and are not checked.
    /// </summary>
    /// <remarks>Returns a new selection on every call: NetArchTest predicate lists grow as they are chained.</remarks>
    protected static PredicateList ProductionTypes =>
        Types.InAssemblies(ProductionAssemblies).That().ResideInNamespace("DagMaster.");

    /// <summary>All deliberate violations (and their compliant controls).</summary>
    protected static PredicateList ViolationTypes =>
        Types.InAssembly(TestAssembly).That().ResideInNamespace(ViolationsNamespace + ".");

    /// <summary>The types of one production assembly that live under its root namespace.</summary>
    protected static PredicateList TypesOf(Assembly assembly) =>
        Types.InAssembly(assembly).That().ResideInNamespace(assembly.GetName().Name + ".");

    /// <summary>Types of <paramref name="assembly"/> in <paramref name="namespacePrefix"/> (end it with a dot).</summary>
    protected static PredicateList TypesIn(Assembly assembly, string namespacePrefix) =>
        Types.InAssembly(assembly).That().ResideInNamespace(namespacePrefix);

    /// <summary>Asserts the rule holds and lists every failing type when it does not.</summary>
    protected static void ShouldPass(ConditionList rule, string? context = null)
    {
        var result = rule.GetResult();
        result.IsSuccessful.ShouldBeTrue(
            $"{context}{(context is null ? "" : ": ")}these types break the rule:{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", result.FailingTypeNames ?? []));
    }

    /// <summary>
    /// Asserts the rule fails on the deliberate violations, and fails for exactly <paramref name="offenders"/>:
    /// the rule bites, and the compliant controls beside the violations do not trip it.
    /// </summary>
    protected static void ShouldFailFor(ConditionList rule, params Type[] offenders)
    {
        var result = rule.GetResult();
        result.IsSuccessful.ShouldBeFalse("the rule passed on deliberate violations, so it does not bite");
        (result.FailingTypeNames ?? []).ShouldBe(offenders.Select(t => t.FullName), ignoreOrder: true);
    }

    /// <summary>
    /// Asserts the selector matched at least one type, so the rule built on it cannot pass vacuously
    /// (for instance because of a misspelt namespace or an interface that nothing implements).
    /// </summary>
    protected static PredicateList Selected(
        PredicateList selection,
        [CallerArgumentExpression(nameof(selection))] string? selector = null)
    {
        selection.GetTypes().ShouldNotBeEmpty($"the selector `{selector}` matched no types, so its rule would pass vacuously");
        return selection;
    }

    /// <summary>
    /// Skips the calling test while a kind of type does not exist yet in production (its rule would be vacuous).
    /// Use it only for rules whose <c>_WhenViolated_Fails</c> twin proves the selector and the rule on fixtures.
    /// </summary>
    protected static void SkipUntilAnyExist(PredicateList selection, string reason)
    {
        if (!selection.GetTypes().Any())
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>
    /// True when no public property can be set after construction and no public field can be written.
    /// <c>init</c> accessors are accepted: NetArchTest's <c>BeImmutable()</c> rejects them, which would fail
    /// every positional record such as <c>sealed record StartTaskCommand(string TaskId, …)</c>.
    /// </summary>
    public static bool HasNoPublicMutableState(Type type)
    {
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.FlattenHierarchy;

        var hasPublicSetter = type.GetProperties(Public)
            .Any(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter));
        var hasWritableField = type.GetFields(Public).Any(f => !f.IsInitOnly && !f.IsLiteral);

        return !hasPublicSetter && !hasWritableField;
    }

    /// <summary>True when the type has no public setter at all, not even <c>init</c>, and no writable public field.</summary>
    public static bool HasNoPublicSetters(Type type) =>
        HasNoPublicMutableState(type)
        && !type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.SetMethod is { IsPublic: true });

    public static bool HasNoPublicConstructors(Type type) =>
        type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Length == 0;

    public static bool IsCommandOrQuery(Type type) =>
        !type.IsInterface && (typeof(IBaseCommand).IsAssignableFrom(type) || typeof(IBaseQuery).IsAssignableFrom(type));

    public static bool IsCommandOrQueryHandler(Type type) =>
        !type.IsInterface && type.GetInterfaces().Any(i =>
            i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(ICommandHandler<,>) || i.GetGenericTypeDefinition() == typeof(IQueryHandler<,>)));

    /// <summary>
    /// Full names of every handler in <paramref name="assemblies"/>: every type named <c>*Handler</c> and every
    /// Mediator handler whatever its name (event handlers are named <c>&lt;Reaction&gt;When&lt;Event&gt;</c>).
    /// </summary>
    protected static string[] HandlerTypeNames(IEnumerable<Assembly> assemblies, string namespacePrefix = "DagMaster.") =>
        [.. assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t.FullName is not null && t.FullName.StartsWith(namespacePrefix, StringComparison.Ordinal))
            .Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal) || IsMediatorHandler(t))
            .Select(t => t.FullName!)];

    private static bool IsMediatorHandler(Type type) =>
        !type.IsInterface && type.GetInterfaces().Any(i => i.IsGenericType && MediatorHandlerInterfaces.Contains(i.GetGenericTypeDefinition()));

    private static readonly Type[] MediatorHandlerInterfaces =
    [
        typeof(ICommandHandler<,>), typeof(IQueryHandler<,>), typeof(IRequestHandler<,>), typeof(INotificationHandler<>),
        typeof(IStreamCommandHandler<,>), typeof(IStreamQueryHandler<,>), typeof(IStreamRequestHandler<,>),
    ];

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
