using DagMaster.Application.Abstractions;
using DagMaster.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.Infrastructure.Identity;

internal static class DataProtectionRegistration
{
    /// <summary>
    /// One key ring for every instance, kept in PostgreSQL: a login cookie or an anti-forgery token made by one instance
    /// is accepted by another, and none is lost on a restart.
    /// </summary>
    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName("DagMaster")
            .PersistKeysToDbContext<DagMasterDbContext>();
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        return services;
    }
}
