using DagMaster.Application.Jobs.ApplyTaskResults;
using DagMaster.Application.Assets.Common;
using DagMaster.Application.Jobs.Common;
using DagMaster.Application.Jobs.SubmitJob;
using DagMaster.Application.Common.Tenants;
using DagMaster.Application.Workflows.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Validators are stateless; building their rules once instead of per request.
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddSingleton<IWorkflowCatalog, WorkflowCatalog>();
        services.AddScoped<JobExecution>();
        services.AddSingleton<TaskResults>();
        services.AddScoped<JobSubmitter>();
        services.AddScoped<TenantGuard>();
        services.AddSingleton<JobSubmissions>();
        services.AddScoped<AssetCallbacks>();
        services.AddScoped<AssetVersions>();
        return services;
    }
}
