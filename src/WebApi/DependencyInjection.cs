using DagMaster.Application.Common.Behaviours;
using DagMaster.WebApi.Health;
using DagMaster.WebApi.Infrastructure;
using DagMaster.WebApi.OpenApi;
using DagMaster.WebApi.Security;
using DagMaster.WebApi.Security.RateLimiting;
using Mediator;

namespace DagMaster.WebApi;

public static class DependencyInjection
{
    /// <summary>No request body may exceed 2 MiB (outputs and checkpoints are limited to 1 MiB each).</summary>
    public const long MaxRequestBodyBytes = 2 * 1024 * 1024;

    public static IServiceCollection AddWebApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddForwardedHeadersFromConfiguration(configuration);
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.GenerateTypesAsInternal = true;
            options.Assemblies = [typeof(DagMaster.Application.DependencyInjection), typeof(DagMaster.Domain.Workflows.WorkflowDefinition)];
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(UnitOfWorkBehaviour<,>),
            ];
        });

        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["trace_id"] = context.HttpContext.TraceIdentifier;
            // The framework answers a body it cannot read with 415 and an RFC link; ours is stable like the others.
            if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
            {
                context.ProblemDetails.Type = ProblemTypes.UnsupportedMediaType;
            }
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddDagMasterSecurity();
        services.AddCredentialRateLimiting(configuration);
        services.AddSingleton<HealthReporter>();
        services.AddScoped<DagMaster.WebUi.Models.IHealthPageSource, UiHealthSource>();
        services.AddHostedService<WarmUpService>();
        services.AddTelemetry(configuration);
        services.AddEmbeddedWorker(configuration);
        services.AddDagMasterOpenApi();
        return services;
    }

    public static WebApplicationBuilder AddLogLevelFromEnvironment(this WebApplicationBuilder builder)
    {
        var level = builder.Configuration["LOG_LEVEL"]?.ToUpperInvariant() switch
        {
            "DEBUG" => LogLevel.Debug,
            "WARNING" or "WARN" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            "CRITICAL" => LogLevel.Critical,
            _ => LogLevel.Information,
        };
        builder.Logging.SetMinimumLevel(level);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // LOG_FORMAT=json: one JSON object a line with scopes (job_id, workflow_id, …), as log collectors read them.
        if (string.Equals(builder.Configuration["LOG_FORMAT"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }

        return builder;
    }
}
