using Azure.Monitor.OpenTelemetry.AspNetCore;
using DagMaster.Application.Common.Telemetry;
using DagMaster.Worker;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DagMaster.WebApi.Infrastructure;

internal static class TelemetryRegistration
{
    /// <summary>
    /// Exports DagMaster's spans and metrics (and the embedded worker's spans) over OTLP when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set, and to Azure Monitor (Application Insights) when
    /// APPLICATIONINSIGHTS_CONNECTION_STRING is set; both may be on.
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var azureMonitor = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] is { Length: > 0 } connectionString ? connectionString : null;
        if (!otlp && azureMonitor is null)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("dagmaster"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(DagMasterTelemetry.Name, WorkerTelemetry.Name).AddAspNetCoreInstrumentation();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(DagMasterTelemetry.Name).AddAspNetCoreInstrumentation();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (azureMonitor is not null)
        {
            telemetry.UseAzureMonitor(options => options.ConnectionString = azureMonitor);
        }

        return services;
    }
}
