using DagMaster.ServiceBusTransportTests.Infrastructure;

[assembly: AssemblyFixture(typeof(ServiceBusAppFixture))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
