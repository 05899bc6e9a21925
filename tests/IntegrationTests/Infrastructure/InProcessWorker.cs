using DagMaster.Worker;
using DagMaster.Worker.Handlers;
using DagMaster.Worker.Raster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>
/// The real worker host (SDK + built-in handlers, and the raster handlers when a test passes their settings) in the test process, talking real HTTP to the test server.
/// Random draws can be scripted so flaky handlers fail exactly when a test says; <c>configure</c> adds to its services
/// (e.g. a <see cref="WorkerCallRecorder"/> in its HTTP pipeline).
/// </summary>
public sealed class InProcessWorker : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessWorker(IHost host) => _host = host;

    public static async Task<InProcessWorker> StartAsync(
        DagMasterAppFixture app,
        IEnumerable<double>? randomDraws = null,
        int concurrency = 4,
        IEnumerable<ITaskHandler>? extraHandlers = null,
        IEnumerable<string>? queues = null,
        Action<RasterOptions>? raster = null,
        Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        foreach (var handler in extraHandlers ?? [])
        {
            builder.Services.AddSingleton(handler);
        }

        if (randomDraws is not null)
        {
            builder.Services.AddSingleton<IRandomSource>(new ScriptedRandom(randomDraws));
        }

        builder.Services
            .AddDagMasterWorker(options =>
            {
                options.BaseUrl = app.ServerAddress;
                options.WorkerKey = DagMasterAppFixture.WorkerKey;
                options.WorkerId = "in-process-worker";
                options.MaxConcurrency = concurrency;
                if (queues is not null)
                {
                    options.Queues = [.. queues];
                }

                options.ClaimWaitSeconds = 2;
                options.HeartbeatInterval = TimeSpan.FromSeconds(1);
                options.DrainTimeout = TimeSpan.FromSeconds(2);
            })
            .AddBuiltInHandlers();
        if (raster is not null)
        {
            builder.Services.AddRasterHandlers(raster);
        }

        configure?.Invoke(builder.Services);

        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new InProcessWorker(host);
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
