using DagMaster.Application.Common.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DagMaster.WebApi.Infrastructure;

internal static class TelemetryRegistration
{
    /// <summary>Exports DagMaster's spans and metrics over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("dagmaster"))
            .WithTracing(tracing => tracing
                .AddSource(DagMasterTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddMeter(DagMasterTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter());
        return services;
    }
}
