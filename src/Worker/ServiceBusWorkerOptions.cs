namespace DagMaster.Worker;

/// <summary>The Service Bus transport's settings (used when <see cref="WorkerOptions.Transport"/> is <see cref="WorkerTransport.ServiceBus"/>).</summary>
public sealed class ServiceBusWorkerOptions
{
    public const string DefaultResultsQueue = "dag-task-results";

    /// <summary><c>SERVICE_BUS_CONNECTION_STRING</c>: a namespace connection string (or the local test peer's).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// <c>SERVICE_BUS_FQDN</c>: <c>&lt;namespace&gt;.servicebus.windows.net</c>, reached with the process's Entra credential
    /// (the managed identity in Azure; <c>AZURE_CLIENT_ID</c> picks a user-assigned one). Used when no connection string is set.
    /// </summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary><c>AZURE_CLIENT_ID</c>: the user-assigned managed identity to sign in with (none: the system-assigned one).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary><c>SERVICE_BUS_RESULTS_QUEUE</c>: where <c>running</c>, <c>completed</c> and <c>failed</c> results are sent.</summary>
    public string ResultsQueue { get; set; } = DefaultResultsQueue;

    /// <summary>Retries of one Service Bus operation (a result send, a settlement) after its first try.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first delay between retries of a Service Bus operation (it grows exponentially).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    /// <summary>How long one try of a Service Bus operation may take.</summary>
    public TimeSpan TryTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The problems with these settings, naming the environment variable of each; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            if (string.IsNullOrWhiteSpace(FullyQualifiedNamespace))
            {
                errors.Add("SERVICE_BUS_CONNECTION_STRING (ServiceBus.ConnectionString) or SERVICE_BUS_FQDN is required when WORKER_TRANSPORT is 'servicebus'.");
            }
            else if (Uri.CheckHostName(FullyQualifiedNamespace) != UriHostNameType.Dns)
            {
                errors.Add($"SERVICE_BUS_FQDN must be a host name such as <namespace>.servicebus.windows.net, not '{FullyQualifiedNamespace}'.");
            }
        }
        else if (ConnectionStringProblem(ConnectionString) is { } problem)
        {
            errors.Add($"SERVICE_BUS_CONNECTION_STRING (ServiceBus.ConnectionString) is not a Service Bus connection string: {problem}");
        }

        if (string.IsNullOrWhiteSpace(ResultsQueue))
        {
            errors.Add("SERVICE_BUS_RESULTS_QUEUE (ServiceBus.ResultsQueue) must name a queue.");
        }

        if (MaxRetries is < 0 or > 100)
        {
            errors.Add($"ServiceBus.MaxRetries must be between 0 and 100, not {MaxRetries}.");
        }

        if (RetryDelay <= TimeSpan.Zero || TryTimeout <= TimeSpan.Zero)
        {
            errors.Add($"ServiceBus.RetryDelay and ServiceBus.TryTimeout must be positive ({RetryDelay} / {TryTimeout}).");
        }

        return errors;
    }

    private static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            var properties = Azure.Messaging.ServiceBus.ServiceBusConnectionStringProperties.Parse(connectionString);
            return properties.Endpoint is null ? "it has no Endpoint." : null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }
}
