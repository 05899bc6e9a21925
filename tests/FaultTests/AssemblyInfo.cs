using DagMaster.FaultTests.Infrastructure;

[assembly: AssemblyFixture(typeof(FaultCluster))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
