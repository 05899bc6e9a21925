using System.Reflection;
using DagMaster.Client;

namespace DagMaster.ArchitectureTests;

/// <summary>
/// The .NET client (src/Client) is what B2B applications install: it knows the API only through its contract, so it
/// references no server project — neither by assembly nor through any type.
/// </summary>
public sealed class ClientTests : ArchitectureTestBase
{
    private static readonly Assembly ClientAssembly = typeof(DagMasterClient).Assembly;

    private static readonly string[] ServerProjects =
    [
        "DagMaster.Domain", "DagMaster.Application", "DagMaster.Infrastructure", "DagMaster.WebApi", "DagMaster.WebUi",
        "DagMaster.Worker",
    ];

    /// <summary>Assembly references of <paramref name="assembly"/> to a DagMaster server project.</summary>
    public static IReadOnlyList<string> ServerReferences(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(r => r.Name!).Where(ServerProjects.Contains)];

    [Fact]
    public void ServerReferences_WhenAppliedToClient_Passes() =>
        ServerReferences(ClientAssembly).ShouldBeEmpty();

    [Fact]
    public void ServerReferences_WhenViolated_Fails() =>
        // This test assembly references the host (and through it every layer) on purpose.
        ServerReferences(TestAssembly).ShouldContain("DagMaster.WebApi");

    [Fact]
    public void ClientTypes_DependOnNoServerNamespace() =>
        ShouldPass(Selected(TypesOf(ClientAssembly)).ShouldNot().HaveDependencyOnAny(ServerProjects));
}
