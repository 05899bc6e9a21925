using Xunit.Sdk;
using Xunit.v3;

namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>
/// Runs two kinds of test class after every other one (the others keep their order): the long scale tests
/// (namespace <c>DagMaster.IntegrationTests.Scale</c>), so minutes of full load never sit in the middle of the
/// ordinary tests, and the tests that start a second DagMaster host in this process (classes named
/// <c>…ScaleOutTests</c>):
/// Hangfire keeps process-wide state, and after a second in-process host has stopped, the first host's
/// Hangfire server no longer runs webhook deliveries. Separate processes, as in production, do not share it.
/// </summary>
public sealed class LongTestsLastOrderer : ITestCollectionOrderer
{
    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        testCollections.OrderBy(c => Rank(c.TestCollectionDisplayName)).ToList();

    private static int Rank(string collection) =>
        collection.Contains(".Scale.", StringComparison.Ordinal) ? 2 : collection.Contains("ScaleOutTests", StringComparison.Ordinal) ? 1 : 0;
}
