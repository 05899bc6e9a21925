using DagMaster.UiTests.Infrastructure;

[assembly: AssemblyFixture(typeof(UiAppFixture))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
