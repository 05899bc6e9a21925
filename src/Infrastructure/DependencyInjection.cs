using DagMaster.Application.Abstractions;
using DagMaster.Application.Common.Tenants;
using DagMaster.Application.Jobs.GetDashboard;
using DagMaster.Application.Jobs.GetJob;
using DagMaster.Application.Jobs.GetJobGraph;
using DagMaster.Application.Jobs.ListJobs;
using DagMaster.Domain.Jobs;
using DagMaster.Domain.Platforms;
using DagMaster.Domain.Workflows;
using DagMaster.Infrastructure.Dispatch;
using DagMaster.Infrastructure.Identity;
using DagMaster.Infrastructure.Jobs;
using DagMaster.Infrastructure.Jobs.Retention;
using DagMaster.Infrastructure.Persistence;
using DagMaster.Infrastructure.Persistence.Repositories;
using DagMaster.Application.Assets.ListAssets;
using DagMaster.Application.Instances.ListInstances;
using DagMaster.Infrastructure.Instances;
using DagMaster.Domain.Assets;
using DagMaster.Infrastructure.Assets;
using DagMaster.Infrastructure.Platforms;
using DagMaster.Infrastructure.Platforms.Webhooks;
using DagMaster.Infrastructure.Workflows;
using DagMaster.Infrastructure.Scheduling.Quartz;
using DagMaster.Infrastructure.Workflows.Yaml;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DagMaster.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        // Every setting is checked before anything starts, and every problem is reported at once.
        var problems = new List<string>();
        var database = DatabaseSettings.Read(configuration, problems);
        var transport = TaskTransportRegistration.Read(configuration, problems);
        PostgresTokenSource? tokens = null;
        if (database is { UseManagedIdentity: true })
        {
            var credential = AzureCredentials.Create(configuration);
            services.AddSingleton(credential);
            tokens = new PostgresTokenSource(credential, TimeProvider.System);
            if (FirstTokenProblem(tokens) is { } tokenProblem)
            {
                problems.Add(tokenProblem);
            }
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationProblemsException(problems);
        }

        services.AddSingleton<ICredentialHealth>(new CredentialHealth(tokens));
        services.Configure<DatabaseOptions>(o =>
        {
            o.ConnectionString = database!.ConnectionString;
            o.AutoBootstrapSchema = configuration.GetValue("AUTO_BOOTSTRAP_SCHEMA", false);
        });
        services.Configure<WorkflowOptions>(o =>
        {
            o.Directory = configuration["WORKFLOWS_DIR"] ?? o.Directory;
            o.MaxNodes = Math.Max(1, configuration.GetValue("WORKFLOW_MAX_NODES", WorkflowOptions.DefaultMaxNodes));
        });

        var dataSource = DatabaseDataSource.Build(database!.ConnectionString, tokens, database.TokenRefreshInterval);
        services.AddSingleton(dataSource);
        // Pooled: a request rents a context and returns it (see DagMasterDbContext.JoinScope).
        // A Take without an OrderBy reads whichever rows come first: an error the tests see, not a log line.
        services.AddPooledDbContextFactory<DagMasterDbContext>(options => options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", DagMasterDbContext.Schema))
            .ConfigureWarnings(warnings => warnings.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning)));
        services.AddScoped(sp => new ScopedContextLease(sp.GetRequiredService<IDbContextFactory<DagMasterDbContext>>().CreateDbContext()
            .JoinScope(sp.GetService<IPublisher>(), sp.GetServices<IUnitOfWorkParticipant>())));
        services.AddScoped(sp => sp.GetRequiredService<ScopedContextLease>().Context);
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<DagMasterDbContext>());
        services.AddScoped<IReadModel>(sp => sp.GetRequiredService<DagMasterDbContext>());
        services.AddScoped<IDatabaseHealth, DatabaseHealth>();
        services.AddScoped<IWorkflowVersionRepository, WorkflowVersionRepository>();
        services.AddScoped<IJobRepository, JobRepository>();
        services.AddSingleton<JobInputsCache>();
        services.AddScoped<IJobListReader, JobListReader>();
        services.AddScoped<IDashboardReader, DashboardReader>();
        services.AddScoped<IJobGraphReader, JobGraphReader>();
        services.AddScoped<IJobReader, JobReader>();
        services.AddScoped<IPlatformRepository, PlatformRepository>();
        services.AddScoped<IWebhookDeliveryRepository, WebhookDeliveryRepository>();
        services.AddScoped<IAssetRepository, AssetRepository>();
        services.AddScoped<IAssetListReader, AssetListReader>();
        services.AddSingleton<InstanceIdentity>();
        services.AddSingleton<InstanceRegistry>();
        services.AddSingleton<IInstanceRegistry>(sp => sp.GetRequiredService<InstanceRegistry>());
        services.Configure<PlatformSeedOptions>(configuration.GetSection(PlatformSeedOptions.Section));
        services.Configure<TenantOptions>(o =>
        {
            o.MaxPriority = Math.Clamp(configuration.GetValue("PLATFORM_MAX_PRIORITY", o.MaxPriority), 0, 9);
            o.MaxRunningJobs = Math.Max(1, configuration.GetValue("PLATFORM_MAX_RUNNING_JOBS", o.MaxRunningJobs));
        });
        services.AddScoped<ITenantPolicies, TenantPolicies>();
        services.AddSingleton(new FanOutLimits(
            Math.Max(1, configuration.GetValue("FANOUT_MAX_CHILDREN", FanOutLimits.DefaultMaxChildren)),
            Math.Max(1, configuration.GetValue("FANOUT_DEFAULT_MAX_PARALLEL", FanOutLimits.DefaultDefaultMaxParallel))));

        services.AddSingleton<IWorkflowDefinitionReader>(sp => new YamlWorkflowDefinitionReader(sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.MaxNodes));
        services.AddSingleton<IWorkflowSource, FolderWorkflowSource>();
        services.AddSingleton(TimeProvider.System);

        // Order matters: the schema exists before workflows are registered.
        services.AddHostedService<SchemaBootstrapService>();
        services.AddSharedKeyRing(); // after the schema: Data Protection reads its key ring when it starts
        services.AddHostedService<WorkflowLoadingService>();
        services.AddHostedService<PlatformSeedingService>();
        services.AddTaskTransport(configuration, transport!); // its background services start once the schema is there
        services.AddHostedService<InstanceHeartbeatService>();
        services.AddWebhooks(configuration, DatabaseDataSource.Build(
            database.ConnectionString, tokens, database.TokenRefreshInterval, hangfire => hangfire.Enlist = false));
        services.AddJobRetention(configuration);
        var pollSeconds = configuration.GetValue("ORCHESTRATOR_POLL_INTERVAL", 1.0);
        services.AddSweep(TimeSpan.FromSeconds(Math.Clamp(pollSeconds, 0.05, 60)));
        return services;
    }

    /// <summary>A managed identity that cannot sign in must stop the start at once, not hang the first query.</summary>
    private static string? FirstTokenProblem(PostgresTokenSource tokens)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            tokens.GetAsync(timeout.Token).AsTask().GetAwaiter().GetResult();
            return null;
        }
        catch (Exception ex)
        {
            return $"USE_MANAGED_IDENTITY=true, but no Entra token for PostgreSQL could be had within 30 s: {ex.Message}";
        }
    }
}
