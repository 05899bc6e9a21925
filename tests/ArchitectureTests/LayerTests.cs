using System.Reflection;
using DagMaster.ArchitectureTests.Violations.Layers;
using NetArchTest.Rules;

namespace DagMaster.ArchitectureTests;

/// <summary>Layers point inward: Domain ← Application ← Infrastructure ← WebApi/WebUi (style 6.1 rules 1 and 8).</summary>
public sealed class LayerTests : ArchitectureTestBase
{
    // Dependency targets never end with a dot: HaveDependencyOnAny matches whole namespace segments,
    // and "DagMaster.Infrastructure." would match nothing (see ArchitectureTestBase).
    // "NpgsqlTypes" is Npgsql's second root namespace (NpgsqlDbType, NpgsqlRange<T>, …).
    private static readonly string[] DomainForbidden =
    [
        "DagMaster.Application", "DagMaster.Infrastructure", "DagMaster.WebApi", "DagMaster.WebUi",
        "Microsoft.EntityFrameworkCore", "Npgsql", "NpgsqlTypes", "FluentValidation", "Quartz", "Hangfire", "YamlDotNet",
        "Microsoft.AspNetCore", "Azure",
    ];

    // EF Core is allowed in Application for the IQueryable async operators (style 6.3).
    private static readonly string[] ApplicationForbidden =
    [
        "DagMaster.Infrastructure", "DagMaster.WebApi", "DagMaster.WebUi",
        "Npgsql", "NpgsqlTypes", "Quartz", "Hangfire", "YamlDotNet", "Microsoft.AspNetCore", "Azure",
    ];

    private static readonly string[] InfrastructureForbidden = ["DagMaster.WebApi", "DagMaster.WebUi"];

    // Endpoints and controllers bind, send and map results. Data access and handlers stay behind ISender.
    private static readonly string[] PresentationForbidden =
        ["DagMaster.Infrastructure", "Microsoft.EntityFrameworkCore", "Npgsql", "NpgsqlTypes"];

    private static readonly string[] DataAccessAssemblyPrefixes =
        ["DagMaster.Infrastructure", "Microsoft.EntityFrameworkCore", "Npgsql"];

    private static PredicateList LayerViolations => TypesIn(TestAssembly, ViolationsNamespace + ".Layers.");

    public static ConditionList DomainDependsOnNothingOutward(PredicateList domainTypes) =>
        Selected(domainTypes).ShouldNot().HaveDependencyOnAny(DomainForbidden);

    public static ConditionList ApplicationDoesNotReachInfrastructureHostsOrDrivers(PredicateList applicationTypes) =>
        Selected(applicationTypes).ShouldNot().HaveDependencyOnAny(ApplicationForbidden);

    public static ConditionList InfrastructureDoesNotReachHosts(PredicateList infrastructureTypes) =>
        Selected(infrastructureTypes).ShouldNot().HaveDependencyOnAny(InfrastructureForbidden);

    /// <param name="presentationTypes">Endpoints, controllers, or a whole UI assembly.</param>
    /// <param name="handlerTypeNames">Full names of every handler the presentation types could reach.</param>
    public static ConditionList PresentationStaysThin(PredicateList presentationTypes, IReadOnlyCollection<string> handlerTypeNames)
    {
        handlerTypeNames.ShouldNotBeEmpty("no handlers found, so the 'no handler types' part of the rule would be vacuous");
        return Selected(presentationTypes).ShouldNot().HaveDependencyOnAny([.. PresentationForbidden, .. handlerTypeNames]);
    }

    /// <summary>Assembly references of <paramref name="assembly"/> that are data access: Infrastructure, EF Core, Npgsql.</summary>
    public static IReadOnlyList<string> DataAccessReferences(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(name => DataAccessAssemblyPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))];

    [Fact]
    public void DomainDependsOnNothingOutward_WhenAppliedToProduction_Passes() =>
        ShouldPass(DomainDependsOnNothingOutward(TypesOf(DomainAssembly)));

    [Fact]
    public void DomainDependsOnNothingOutward_WhenViolated_Fails() =>
        ShouldFailFor(
            DomainDependsOnNothingOutward(LayerViolations),
            typeof(ReadsDbContextDirectly), typeof(UsesNpgsqlDirectly), typeof(ReachesIntoInfrastructure),
            typeof(ReachesIntoHost), typeof(CallsHandlerDirectly), typeof(ThinEndpoint), typeof(SendsToServiceBusDirectly));

    [Fact]
    public void ApplicationDoesNotReachInfrastructureHostsOrDrivers_WhenAppliedToProduction_Passes() =>
        ShouldPass(ApplicationDoesNotReachInfrastructureHostsOrDrivers(TypesOf(ApplicationAssembly)));

    [Fact]
    public void ApplicationDoesNotReachInfrastructureHostsOrDrivers_WhenViolated_Fails() =>
        // ReadsDbContextDirectly passes: EF Core is allowed in Application.
        ShouldFailFor(
            ApplicationDoesNotReachInfrastructureHostsOrDrivers(LayerViolations),
            typeof(UsesNpgsqlDirectly), typeof(ReachesIntoInfrastructure), typeof(ReachesIntoHost), typeof(ThinEndpoint),
            typeof(SendsToServiceBusDirectly));

    [Fact]
    public void InfrastructureDoesNotReachHosts_WhenAppliedToProduction_Passes() =>
        ShouldPass(InfrastructureDoesNotReachHosts(TypesOf(InfrastructureAssembly)));

    [Fact]
    public void InfrastructureDoesNotReachHosts_WhenViolated_Fails() =>
        ShouldFailFor(InfrastructureDoesNotReachHosts(LayerViolations), typeof(ReachesIntoHost));

    [Fact]
    public void PresentationStaysThin_WhenAppliedToEndpoints_Passes() =>
        ShouldPass(PresentationStaysThin(TypesIn(WebApiAssembly, "DagMaster.WebApi.Endpoints."), HandlerTypeNames(ProductionAssemblies)));

    [Fact]
    public void PresentationStaysThin_WhenAppliedToControllers_Passes()
    {
        SkipUntilAnyExist(
            TypesIn(WebUiAssembly, "DagMaster.WebUi.Controllers."),
            "No MVC controllers yet; the rule is proven by PresentationStaysThin_WhenViolated_Fails.");
        ShouldPass(PresentationStaysThin(TypesIn(WebUiAssembly, "DagMaster.WebUi.Controllers."), HandlerTypeNames(ProductionAssemblies)));
    }

    [Fact]
    public void PresentationStaysThin_WhenAppliedToWebUi_Passes()
    {
        // The whole admin UI (controllers, view models, helpers) stays thin, not only the controllers.
        SkipUntilAnyExist(
            TypesOf(WebUiAssembly),
            "DagMaster.WebUi has no types yet; DataAccessReferences_WhenAppliedToWebUi_Passes still checks its references.");
        ShouldPass(PresentationStaysThin(TypesOf(WebUiAssembly), HandlerTypeNames(ProductionAssemblies)));
    }

    [Fact]
    public void PresentationStaysThin_WhenViolated_Fails() =>
        // ThinEndpoint and ReachesIntoHost pass: ISender, queries, ASP.NET Core and the host are all fine here.
        ShouldFailFor(
            PresentationStaysThin(LayerViolations, HandlerTypeNames([.. ProductionAssemblies, TestAssembly])),
            typeof(ReadsDbContextDirectly), typeof(UsesNpgsqlDirectly), typeof(ReachesIntoInfrastructure), typeof(CallsHandlerDirectly));

    [Fact]
    public void DataAccessReferences_WhenAppliedToWebUi_Passes() =>
        // Checked at assembly level too, so it holds (and means something) even while WebUi has no types.
        DataAccessReferences(WebUiAssembly).ShouldBeEmpty();

    [Fact]
    public void DataAccessReferences_WhenViolated_Fails() =>
        // The test assembly's violations use Infrastructure, EF Core (and EF Core Relational) and Npgsql.
        new[] { "DagMaster.Infrastructure", "Microsoft.EntityFrameworkCore", "Npgsql" }
            .ShouldBeSubsetOf(DataAccessReferences(TestAssembly));
}
