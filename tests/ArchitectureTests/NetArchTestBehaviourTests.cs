using DagMaster.ArchitectureTests.Violations.Messages;
using DagMaster.ArchitectureTests.Violations.Modules.Alpha;
using DagMaster.ArchitectureTests.Violations.Modules.AlphaArchive;
using DagMaster.ArchitectureTests.Violations.Modules.Gamma;
using NetArchTest.Rules;

namespace DagMaster.ArchitectureTests;

/// <summary>
/// Pins the NetArchTest.Rules 1.3.2 behaviours the rules are written around. If an upgrade changes one of them,
/// these fail first: revisit the trailing dots in <see cref="ModuleTests"/> and <see cref="LayerTests"/>.
/// </summary>
public sealed class NetArchTestBehaviourTests : ArchitectureTestBase
{
    private const string Modules = ViolationsNamespace + ".Modules";

    [Fact]
    public void ResideInNamespace_WhenPrefixHasNoTrailingDot_AlsoSelectsSiblingNamespaces() =>
        Types.InAssembly(TestAssembly).That().ResideInNamespace(Modules + ".Alpha").GetTypes()
            .ShouldContain(typeof(AlphaArchiveEntry));

    [Fact]
    public void ResideInNamespace_WhenPrefixHasTrailingDot_SelectsOnlyThatNamespace() =>
        Types.InAssembly(TestAssembly).That().ResideInNamespace(Modules + ".Alpha.").GetTypes()
            .ShouldBe([typeof(AlphaThing)]);

    [Fact]
    public void ResideInNamespace_WhenCaseDiffers_StillMatches() =>
        Types.InAssembly(TestAssembly).That().ResideInNamespace((Modules + ".Alpha.").ToLowerInvariant()).GetTypes()
            .ShouldBe([typeof(AlphaThing)]);

    [Fact]
    public void HaveDependencyOnAny_WhenTargetHasTrailingDot_MatchesNothing() =>
        // The pitfall: the same trailing dot that ResideInNamespace needs makes a dependency rule vacuous.
        Types.InAssembly(TestAssembly).That().ResideInNamespace(Modules + ".").And().HaveDependencyOnAny(Modules + ".Alpha.").GetTypes()
            .ShouldBeEmpty();

    [Fact]
    public void HaveDependencyOnAny_WhenTargetHasNoTrailingDot_MatchesWholeSegmentsOnly()
    {
        var dependents = Types.InAssembly(TestAssembly).That().ResideInNamespace(Modules + ".")
            .And().HaveDependencyOnAny(Modules + ".Alpha").GetTypes().ToList();

        dependents.ShouldContain(typeof(GammaThing));
        dependents.ShouldNotContain(typeof(AlphaArchiveEntry));
    }

    [Fact]
    public void BeImmutable_WhenRecordHasInitOnlyProperties_Fails()
    {
        // Why HasNoPublicMutableState exists: BeImmutable() rejects every positional record.
        Types.InAssembly(TestAssembly).That().HaveName(nameof(GoodThingCommand)).Should().BeImmutable().GetResult()
            .IsSuccessful.ShouldBeFalse();
        HasNoPublicMutableState(typeof(GoodThingCommand)).ShouldBeTrue();
    }
}
