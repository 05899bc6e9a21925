using DagMaster.Worker;
using DagMaster.Worker.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DagMaster.ServiceBusTransportTests.Infrastructure;

/// <summary>
/// The real worker host with WORKER_TRANSPORT=servicebus (SDK, built-in handlers) in the test process: task messages
/// from the peer's queues, results to the results queue, heartbeats and checkpoints over HTTP to the test host.
/// </summary>
public sealed class ServiceBusWorker : IAsyncDisposable
{
    private readonly IHost _host;

    private ServiceBusWorker(IHost host) => _host = host;

    public static async Task<ServiceBusWorker> StartAsync(
        ServiceBusAppFixture app, IEnumerable<string> queues, string workerId = "sb-worker", IEnumerable<double>? randomDraws = null)
    {
        var builder = Host.CreateApplicationBuilder();
        if (randomDraws is not null)
        {
            builder.Services.AddSingleton<IRandomSource>(new ScriptedRandom(randomDraws));
        }

        builder.Services
            .AddDagMasterWorker(options =>
            {
                options.Transport = WorkerTransport.ServiceBus;
                options.ServiceBus = new ServiceBusWorkerOptions { ConnectionString = app.Peer.ConnectionString };
                options.BaseUrl = app.Host.ServerAddress;
                options.WorkerKey = ServiceBusAppFixture.WorkerKey;
                options.WorkerId = workerId;
                options.Queues = [.. queues];
                options.MaxConcurrency = 4;
                options.HeartbeatInterval = TimeSpan.FromSeconds(1);
                options.DrainTimeout = TimeSpan.FromSeconds(2);
            })
            .AddBuiltInHandlers();
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new ServiceBusWorker(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }

    private sealed class ScriptedRandom(IEnumerable<double> draws) : IRandomSource
    {
        private readonly Queue<double> _draws = new(draws);

        public double NextDouble()
        {
            lock (_draws)
            {
                return _draws.Count > 0 ? _draws.Dequeue() : 0.999;
            }
        }
    }
}
