using System.Reflection;
using DagMaster.ArchitectureTests.Violations.Seams;
using DagMaster.ArchitectureTests.Violations.Seams.Alpha;
using NetArchTest.Rules;

namespace DagMaster.ArchitectureTests;

/// <summary>
/// The engine core's seams. Group commit sits at the edge: an endpoint or a transport hands work to a batcher, which
/// sends one command per batch, so no command or query handler sends a message or reaches a batcher. Each task
/// transport stays behind the transport seam: neither transport names the other, and outside them only the
/// registration that picks one (<c>TASK_TRANSPORT</c>) does.
/// </summary>
public sealed class SeamTests : ArchitectureTestBase
{
    private const string GroupCommitNamespace = "DagMaster.Application.Common.GroupCommit";

    // Targets without a trailing dot (whole namespace segments, see ArchitectureTestBase).
    private static readonly string[] MessageSenders = ["Mediator.ISender", "Mediator.IMediator"];

    private static readonly string[] ProductionTransports =
        ["DagMaster.Infrastructure.Dispatch.Postgres", "DagMaster.Infrastructure.Dispatch.ServiceBus"];

    private const string ProductionRegistration = "TaskTransportRegistration";

    private static readonly string[] ViolationTransports =
        [ViolationsNamespace + ".Seams.Alpha", ViolationsNamespace + ".Seams.Beta"];

    /// <summary>The batchers of <paramref name="assemblies"/>: the (non-nested) types that hold a group commit.</summary>
    public static string[] Batchers(params Assembly[] assemblies) =>
        [.. Types.InAssemblies(assemblies).That().HaveDependencyOn(GroupCommitNamespace)
            .And().DoNotResideInNamespace(GroupCommitNamespace + ".")
            .GetTypes().Where(t => !t.IsNested).Select(t => t.FullName!)];

    public static ConditionList HandlersNeitherSendNorBatch(PredicateList scope, IReadOnlyCollection<string> batchers)
    {
        batchers.ShouldNotBeEmpty("no batcher found, so the 'no batcher' part of the rule would be vacuous");
        return Selected(scope.And().MeetCustomRule(new ReflectionRule(IsCommandOrQueryHandler)))
            .ShouldNot().HaveDependencyOnAny([.. MessageSenders, GroupCommitNamespace, .. batchers]);
    }

    /// <summary>Types of one transport naming another.</summary>
    public static ConditionList TransportStaysApart(Assembly assembly, string transport, IReadOnlyList<string> transports) =>
        Selected(TypesIn(assembly, transport + ".")).ShouldNot().HaveDependencyOnAny([.. transports.Where(t => t != transport)]);

    /// <summary>Types outside the transports, but for the registration, naming a transport.</summary>
    public static ConditionList OnlyTheRegistrationNamesATransport(PredicateList scope, IReadOnlyList<string> transports, string registration) =>
        Selected(transports.Aggregate(scope, (s, t) => s.And().DoNotResideInNamespace(t + ".")).And().DoNotHaveName(registration))
            .ShouldNot().HaveDependencyOnAny([.. transports]);

    [Fact]
    public void HandlersNeitherSendNorBatch_WhenAppliedToProduction_Passes() =>
        ShouldPass(HandlersNeitherSendNorBatch(ProductionTypes, Batchers(ApplicationAssembly)));

    [Fact]
    public void Batchers_InProduction_AreTheResultsAndSubmissionsGroupCommits() =>
        Batchers(ApplicationAssembly).ShouldBe(
            ["DagMaster.Application.Jobs.ApplyTaskResults.TaskResults", "DagMaster.Application.Jobs.SubmitJob.JobSubmissions"],
            ignoreOrder: true);

    [Fact]
    public void HandlersNeitherSendNorBatch_WhenViolated_Fails() =>
        ShouldFailFor(
            HandlersNeitherSendNorBatch(TypesIn(TestAssembly, ViolationsNamespace + ".Seams."), Batchers(TestAssembly)),
            typeof(ResendThingCommandHandler), typeof(BatchThingCommandHandler));

    [Theory]
    [InlineData("DagMaster.Infrastructure.Dispatch.Postgres")]
    [InlineData("DagMaster.Infrastructure.Dispatch.ServiceBus")]
    public void TransportStaysApart_WhenAppliedToProduction_Passes(string transport) =>
        ShouldPass(TransportStaysApart(InfrastructureAssembly, transport, ProductionTransports), transport);

    [Fact]
    public void TransportStaysApart_WhenViolated_Fails()
    {
        ShouldFailFor(TransportStaysApart(TestAssembly, ViolationTransports[0], ViolationTransports), typeof(AlphaReadsBeta));
        ShouldPass(TransportStaysApart(TestAssembly, ViolationTransports[1], ViolationTransports));
    }

    [Fact]
    public void OnlyTheRegistrationNamesATransport_WhenAppliedToProduction_Passes() =>
        ShouldPass(OnlyTheRegistrationNamesATransport(ProductionTypes, ProductionTransports, ProductionRegistration));

    [Fact]
    public void OnlyTheRegistrationNamesATransport_WhenViolated_Fails() =>
        ShouldFailFor(
            OnlyTheRegistrationNamesATransport(TypesIn(TestAssembly, ViolationsNamespace + ".Seams."), ViolationTransports, nameof(ThingTransportRegistration)),
            typeof(PeeksIntoAlpha));
}
