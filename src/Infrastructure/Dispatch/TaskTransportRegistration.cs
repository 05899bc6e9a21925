using DagMaster.Infrastructure.Dispatch.Postgres;
using DagMaster.Infrastructure.Dispatch.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.Infrastructure.Dispatch;

internal static class TaskTransportRegistration
{
    /// <summary>TASK_TRANSPORT: <c>postgres</c> (default) or <c>servicebus</c>; null with a problem added otherwise.</summary>
    public static string? Read(IConfiguration configuration, ICollection<string> problems)
    {
        var transport = (configuration["TASK_TRANSPORT"] ?? "postgres").Trim().ToLowerInvariant();
        switch (transport)
        {
            case "postgres" or "":
                return "postgres";
            case "servicebus":
                ServiceBusTransportRegistration.Read(configuration, problems);
                return transport;
            default:
                problems.Add($"TASK_TRANSPORT must be 'postgres' or 'servicebus', not '{configuration["TASK_TRANSPORT"]}'.");
                return null;
        }
    }

    /// <summary>Registers the one transport this process runs (<see cref="Read"/> checked the settings).</summary>
    public static IServiceCollection AddTaskTransport(this IServiceCollection services, IConfiguration configuration, string transport)
    {
        services.Configure<QueueOptions>(o => o.LeaseSeconds = Math.Clamp(configuration.GetValue("WORKER_LEASE_SECONDS", 60.0), 1, 3600));
        services.AddSingleton<TaskReports>();
        return transport == "servicebus" ? services.AddServiceBusTransport(configuration) : services.AddPostgresTransport();
    }
}
