using DagMaster.Worker.Client;
using DagMaster.Worker.Handlers;
using DagMaster.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DagMaster.Worker;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the worker: options, the <see cref="DagMasterWorkerClient"/>, and <see cref="WorkerHost"/> as a hosted
    /// service. Handlers are every registered <see cref="ITaskHandler"/> (see <see cref="AddBuiltInHandlers"/> and
    /// <see cref="AddTaskHandler{THandler}"/>). The host's shutdown timeout is raised to fit the drain timeout.
    /// </summary>
    public static IServiceCollection AddDagMasterWorker(this IServiceCollection services, Action<WorkerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<WorkerOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient<DagMasterWorkerClient>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<WorkerOptions>>().Value;
                http.BaseAddress = options.BaseUrl;
                http.Timeout = TimeSpan.FromSeconds(options.ClaimWaitSeconds + 30);
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.TryAddSingleton<WorkerHost>();
        services.AddHostedService(provider => provider.GetRequiredService<WorkerHost>());

        services.AddOptions<HostOptions>().Configure<IOptions<WorkerOptions>>((host, worker) =>
        {
            var needed = worker.Value.DrainTimeout + TimeSpan.FromSeconds(15);
            if (host.ShutdownTimeout < needed)
            {
                host.ShutdownTimeout = needed;
            }
        });
        return services;
    }

    /// <summary>Registers the worker with settings read by <see cref="WorkerEnvironment"/> (DAGMASTER_URL, WORKER_KEY, …).</summary>
    public static IServiceCollection AddDagMasterWorker(this IServiceCollection services, IConfiguration configuration) =>
        services.AddDagMasterWorker(options => WorkerEnvironment.Apply(configuration, options));

    /// <summary>Registers the original catalogue's handlers: echo, multi_phase, hello_world, sleep, fail, flaky_echo, size_check, chunk_processor.</summary>
    public static IServiceCollection AddBuiltInHandlers(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRandomSource, SystemRandomSource>();
        services.AddTaskHandler<EchoHandler>()
            .AddTaskHandler<MultiPhaseHandler>()
            .AddTaskHandler<HelloWorldHandler>()
            .AddTaskHandler<SleepHandler>()
            .AddTaskHandler<FailHandler>()
            .AddTaskHandler<FlakyEchoHandler>()
            .AddTaskHandler<SizeCheckHandler>()
            .AddTaskHandler<ChunkProcessorHandler>();
        return services;
    }

    /// <summary>Registers a handler (a singleton); a later handler with the same name replaces an earlier one.</summary>
    public static IServiceCollection AddTaskHandler<THandler>(this IServiceCollection services)
        where THandler : class, ITaskHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITaskHandler, THandler>());
        return services;
    }
}
