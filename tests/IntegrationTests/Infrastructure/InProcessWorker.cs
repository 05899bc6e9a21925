using DagMaster.Worker;
using DagMaster.Worker.Raster;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>
/// The real worker host (SDK + built-in handlers, and the raster handlers when a test passes their settings) in the
/// test process, talking real HTTP to the test server. <c>configure</c> adds to its services (e.g. a
/// <see cref="WorkerCallRecorder"/> in its HTTP pipeline).
/// </summary>
public static class InProcessWorker
{
    public static Task<TestWorker> StartAsync(
        DagMasterAppFixture app,
        IEnumerable<double>? randomDraws = null,
        int concurrency = 4,
        IEnumerable<ITaskHandler>? extraHandlers = null,
        IEnumerable<string>? queues = null,
        Action<RasterOptions>? raster = null,
        Action<IServiceCollection>? configure = null) =>
        TestWorker.StartAsync(
            options =>
            {
                options.BaseUrl = app.ServerAddress;
                options.WorkerId = "in-process-worker";
                options.MaxConcurrency = concurrency;
                if (queues is not null)
                {
                    options.Queues = [.. queues];
                }
            },
            services =>
            {
                foreach (var handler in extraHandlers ?? [])
                {
                    services.AddSingleton(handler);
                }

                if (raster is not null)
                {
                    services.AddRasterHandlers(raster);
                }

                configure?.Invoke(services);
            },
            randomDraws);
}
