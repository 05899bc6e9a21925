using Xunit.Sdk;
using Xunit.v3;

namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>
/// Runs the long scale tests (namespace <c>DagMaster.IntegrationTests.Scale</c>) after every other test class (the
/// others keep their order), so minutes of full load never sit in the middle of the ordinary tests. (Tests that
/// start a second DagMaster host in this process used to go last too: Hangfire's process-wide log provider was
/// bound to the host that stopped. <c>LiveHostsLogProvider</c> fixed that, and they now run anywhere.)
/// </summary>
public sealed class LongTestsLastOrderer : ITestCollectionOrderer
{
    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        testCollections.OrderBy(c => Rank(c.TestCollectionDisplayName)).ToList();

    private static int Rank(string collection) => collection.Contains(".Scale.", StringComparison.Ordinal) ? 1 : 0;
}
