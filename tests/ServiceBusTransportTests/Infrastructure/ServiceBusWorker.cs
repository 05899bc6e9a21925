using DagMaster.Worker;

namespace DagMaster.ServiceBusTransportTests.Infrastructure;

/// <summary>
/// The real worker host with WORKER_TRANSPORT=servicebus (SDK, built-in handlers) in the test process: task messages
/// from the peer's queues, results to the results queue, heartbeats and checkpoints over HTTP to the test host.
/// </summary>
public static class ServiceBusWorker
{
    public static Task<TestWorker> StartAsync(
        ServiceBusAppFixture app, IEnumerable<string> queues, string workerId = "sb-worker", IEnumerable<double>? randomDraws = null) =>
        TestWorker.StartAsync(
            options =>
            {
                options.Transport = WorkerTransport.ServiceBus;
                options.ServiceBus = new ServiceBusWorkerOptions { ConnectionString = app.Peer.ConnectionString };
                options.BaseUrl = app.Host.ServerAddress;
                options.WorkerId = workerId;
                options.Queues = [.. queues];
                options.MaxConcurrency = 4;
            },
            randomDraws: randomDraws);
}
