using Microsoft.Extensions.Configuration;

namespace DagMaster.Worker;

/// <summary>
/// Reads worker settings from configuration (environment variables in the standalone process):
/// <c>DAGMASTER_URL</c>, <c>WORKER_KEY</c>, <c>WORKER_ID</c>, <c>WORKER_QUEUES</c> (comma list),
/// <c>WORKER_CONCURRENCY</c>, <c>WORKER_CLAIM_WAIT_SECONDS</c>, <c>WORKER_DRAIN_SECONDS</c>, <c>WORKER_TRANSPORT</c>
/// (<c>http</c> or <c>servicebus</c>), <c>SERVICE_BUS_CONNECTION_STRING</c>, <c>SERVICE_BUS_FQDN</c>,
/// <c>AZURE_CLIENT_ID</c> and <c>SERVICE_BUS_RESULTS_QUEUE</c>.
/// Unset values keep the <see cref="WorkerOptions"/> defaults.
/// </summary>
public static class WorkerEnvironment
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static void Apply(IConfiguration configuration, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);

        var url = Value(configuration, "DAGMASTER_URL") ?? DefaultUrl;
        options.BaseUrl = Uri.TryCreate(url, UriKind.Absolute, out var baseUrl)
            ? baseUrl
            : throw new InvalidOperationException($"DAGMASTER_URL must be an absolute URL, not '{url}'.");

        if (Value(configuration, "WORKER_KEY") is { } key)
        {
            options.WorkerKey = key;
        }

        if (Value(configuration, "WORKER_ID") is { } id)
        {
            options.WorkerId = id;
        }

        if (Value(configuration, "WORKER_QUEUES") is { } queues)
        {
            options.Queues = [.. queues.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        if (Integer(configuration, "WORKER_CONCURRENCY") is { } concurrency)
        {
            options.MaxConcurrency = concurrency;
        }

        if (Integer(configuration, "WORKER_CLAIM_WAIT_SECONDS") is { } wait)
        {
            options.ClaimWaitSeconds = wait;
        }

        if (Integer(configuration, "WORKER_DRAIN_SECONDS") is { } drain)
        {
            options.DrainTimeout = TimeSpan.FromSeconds(drain);
        }

        options.Transport = Value(configuration, "WORKER_TRANSPORT")?.ToLowerInvariant() switch
        {
            null or "http" => WorkerTransport.Http,
            "servicebus" => WorkerTransport.ServiceBus,
            var other => throw new InvalidOperationException($"WORKER_TRANSPORT must be 'http' or 'servicebus', not '{other}'."),
        };

        if (Value(configuration, "SERVICE_BUS_CONNECTION_STRING") is { } connectionString)
        {
            options.ServiceBus.ConnectionString = connectionString;
        }

        if (Value(configuration, "SERVICE_BUS_FQDN") is { } fqdn)
        {
            options.ServiceBus.FullyQualifiedNamespace = fqdn;
        }

        if (Value(configuration, "AZURE_CLIENT_ID") is { } clientId)
        {
            options.ServiceBus.ManagedIdentityClientId = clientId;
        }

        if (Value(configuration, "SERVICE_BUS_RESULTS_QUEUE") is { } resultsQueue)
        {
            options.ServiceBus.ResultsQueue = resultsQueue;
        }
    }

    private static string? Value(IConfiguration configuration, string name) =>
        configuration[name] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static int? Integer(IConfiguration configuration, string name) => Value(configuration, name) switch
    {
        null => null,
        var text when int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) => value,
        var text => throw new InvalidOperationException($"{name} must be an integer, not '{text}'."),
    };
}
