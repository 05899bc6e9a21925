using DagMaster.Worker;
using DagMaster.Worker.Raster;

namespace DagMaster.WebApi.Infrastructure;

internal static class EmbeddedWorkerRegistration
{
    /// <summary>
    /// EMBEDDED_WORKER=true runs the reference worker (built-in handlers, and the raster handlers when GDAL is installed) inside the host, talking to it over
    /// the same protocol as any external worker, with the first of WORKER_KEYS: HTTP claims, or with
    /// TASK_TRANSPORT=servicebus the same Service Bus queues and results queue. build/run turns it on so a
    /// newcomer sees jobs complete at once.
    /// </summary>
    public static IServiceCollection AddEmbeddedWorker(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue("EMBEDDED_WORKER", false))
        {
            return services;
        }

        var key = (configuration["WORKER_KEYS"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?? throw new InvalidOperationException("EMBEDDED_WORKER=true needs a worker key in WORKER_KEYS.");
        services.AddDagMasterWorker(options =>
        {
            options.BaseUrl = new Uri(configuration["EMBEDDED_WORKER_URL"] ?? "http://127.0.0.1:8080");
            options.WorkerKey = key;
            options.WorkerId = $"embedded-{Environment.MachineName}-{Environment.ProcessId}";
            options.MaxConcurrency = configuration.GetValue("EMBEDDED_WORKER_CONCURRENCY", 8);
            options.DrainTimeout = TimeSpan.FromSeconds(5);
            if (string.Equals(configuration["TASK_TRANSPORT"], "servicebus", StringComparison.OrdinalIgnoreCase))
            {
                options.Transport = WorkerTransport.ServiceBus;
                options.ServiceBus = new ServiceBusWorkerOptions
                {
                    ConnectionString = configuration["SERVICE_BUS_CONNECTION_STRING"],
                    FullyQualifiedNamespace = configuration["SERVICE_BUS_FQDN"],
                    ManagedIdentityClientId = configuration["AZURE_CLIENT_ID"],
                    ResultsQueue = configuration["SERVICE_BUS_RESULTS_QUEUE"] ?? ServiceBusWorkerOptions.DefaultResultsQueue,
                };
            }
        });
        services.AddBuiltInHandlers().AddRasterHandlers(configuration);
        return services;
    }
}
