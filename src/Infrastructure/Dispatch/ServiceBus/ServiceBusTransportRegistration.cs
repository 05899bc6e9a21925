using Azure.Core;
using Azure.Messaging.ServiceBus;
using DagMaster.Application.Abstractions;
using DagMaster.Infrastructure.Identity;
using DagMaster.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DagMaster.Infrastructure.Dispatch.ServiceBus;

internal static class ServiceBusTransportRegistration
{
    /// <summary>
    /// TASK_TRANSPORT=servicebus: tasks go out through the outbox to the queue each node names, reports come back on
    /// the results queue (or the original HTTP callbacks).
    /// </summary>
    public static IServiceCollection AddServiceBusTransport(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = Read(configuration, []);
        services.AddSingleton(Options.Create(settings));
        services.AddSingleton(sp => new ServiceBusSenders(CreateClient(settings, () => sp.GetService<TokenCredential>() ?? AzureCredentials.Create(configuration))));
        services.AddSingleton<OutboxRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        services.AddHostedService<ResultQueueProcessor>();
        services.AddScoped<ServiceBusTaskDispatcher>();
        services.AddScoped<ITaskDispatcher>(sp => sp.GetRequiredService<ServiceBusTaskDispatcher>());
        services.AddScoped<IUnitOfWorkParticipant>(sp => sp.GetRequiredService<ServiceBusTaskDispatcher>());
        services.AddSingleton<ITaskLeaseStore, ServiceBusLeaseStore>();
        services.AddSingleton<ITransportHealth, ServiceBusTransportHealth>();
        return services;
    }

    /// <summary>The transport's settings; what is missing is added to <paramref name="problems"/>.</summary>
    public static ServiceBusSettings Read(IConfiguration configuration, ICollection<string> problems)
    {
        var settings = new ServiceBusSettings
        {
            ConnectionString = Value(configuration, "SERVICE_BUS_CONNECTION_STRING"),
            FullyQualifiedNamespace = Value(configuration, "SERVICE_BUS_FQDN"),
            SimulateCrashAfterSend = configuration.GetValue("ServiceBus:SimulateCrashAfterSend", false),
        };
        settings.ResultsQueue = Value(configuration, "SERVICE_BUS_RESULTS_QUEUE") ?? settings.ResultsQueue;
        settings.DefaultQueue = Value(configuration, "SERVICE_BUS_DEFAULT_QUEUE") ?? settings.DefaultQueue;
        settings.ResultConcurrency = Math.Clamp(configuration.GetValue("SERVICE_BUS_RESULT_CONCURRENCY", settings.ResultConcurrency), 1, 256);
        if (settings.ConnectionString is null && settings.FullyQualifiedNamespace is null)
        {
            problems.Add("TASK_TRANSPORT=servicebus needs SERVICE_BUS_CONNECTION_STRING or SERVICE_BUS_FQDN (reached with the process's Entra credential).");
        }
        else if (settings.ConnectionString is not null && settings.FullyQualifiedNamespace is not null)
        {
            problems.Add("SERVICE_BUS_CONNECTION_STRING and SERVICE_BUS_FQDN are both set: set one.");
        }
        else if (settings.ConnectionString is { } connectionString)
        {
            try
            {
                ServiceBusConnectionStringProperties.Parse(connectionString);
            }
            catch (FormatException ex)
            {
                problems.Add($"SERVICE_BUS_CONNECTION_STRING is not a Service Bus connection string: {ex.Message}");
            }
        }

        return settings;
    }

    private static ServiceBusClient CreateClient(ServiceBusSettings settings, Func<TokenCredential> credential)
    {
        var options = new ServiceBusClientOptions
        {
            Identifier = $"dagmaster-{Environment.MachineName}-{Environment.ProcessId}",
            RetryOptions = new ServiceBusRetryOptions
            {
                Mode = ServiceBusRetryMode.Exponential,
                MaxRetries = 3,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(5),
                TryTimeout = TimeSpan.FromSeconds(20),
            },
        };
        if (settings.ConnectionString is { } connectionString)
        {
            return new ServiceBusClient(connectionString, options);
        }

        return new ServiceBusClient(settings.FullyQualifiedNamespace, credential(), options);
    }

    private static string? Value(IConfiguration configuration, string name) =>
        configuration[name] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
