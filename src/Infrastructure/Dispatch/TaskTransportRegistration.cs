using DagMaster.Infrastructure.Dispatch.Postgres;
using DagMaster.Infrastructure.Dispatch.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.Infrastructure.Dispatch;

internal static class TaskTransportRegistration
{
    /// <summary>TASK_TRANSPORT picks the one transport this process runs: <c>postgres</c> (default) or <c>servicebus</c>.</summary>
    public static IServiceCollection AddTaskTransport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<QueueOptions>(o => o.LeaseSeconds = Math.Clamp(configuration.GetValue("WORKER_LEASE_SECONDS", 60.0), 1, 3600));
        services.AddSingleton<TaskReports>();
        var transport = (configuration["TASK_TRANSPORT"] ?? "postgres").Trim().ToLowerInvariant();
        return transport switch
        {
            "postgres" or "" => services.AddPostgresTransport(),
            "servicebus" => services.AddServiceBusTransport(configuration),
            _ => throw new InvalidOperationException($"TASK_TRANSPORT must be 'postgres' or 'servicebus', not '{configuration["TASK_TRANSPORT"]}'."),
        };
    }
}
