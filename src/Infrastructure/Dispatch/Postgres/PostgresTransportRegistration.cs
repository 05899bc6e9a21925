using DagMaster.Application.Abstractions;
using DagMaster.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.Infrastructure.Dispatch.Postgres;

internal static class PostgresTransportRegistration
{
    /// <summary>TASK_TRANSPORT=postgres: tasks wait in dagmaster.task_queue and workers claim them over HTTP.</summary>
    public static IServiceCollection AddPostgresTransport(this IServiceCollection services)
    {
        services.AddSingleton<TaskSignal>();
        services.AddSingleton<TaskNotifier>();
        services.AddSingleton<WaitingClaims>();
        services.AddSingleton<ClaimLanes>();
        services.AddScoped<TaskHandOff>();
        services.AddScoped<PostgresTaskDispatcher>();
        services.AddScoped<ITaskDispatcher>(sp => sp.GetRequiredService<PostgresTaskDispatcher>());
        services.AddScoped<IUnitOfWorkParticipant>(sp => sp.GetRequiredService<PostgresTaskDispatcher>());
        services.AddSingleton<ITaskLeaseStore, PostgresLeaseStore>();
        services.AddSingleton<ITransportHealth, PostgresTransportHealth>();
        services.AddHostedService<TaskNotificationListener>();
        return services;
    }
}
