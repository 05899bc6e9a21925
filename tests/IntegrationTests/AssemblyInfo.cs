using DagMaster.IntegrationTests.Infrastructure;

[assembly: AssemblyFixture(typeof(DagMasterAppFixture))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: TestCollectionOrderer(typeof(LongTestsLastOrderer))]
