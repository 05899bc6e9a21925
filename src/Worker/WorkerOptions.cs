namespace DagMaster.Worker;

/// <summary>How a worker reaches DagMaster and how much work it takes on.</summary>
public sealed class WorkerOptions
{
    /// <summary>The queues a worker claims from when none are configured.</summary>
    public static IReadOnlyList<string> DefaultQueues { get; } = ["dag-worker-tasks", "functionapp-tasks", "container-tasks"];

    /// <summary>DagMaster's base address, e.g. <c>http://127.0.0.1:8080</c>.</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:8080");

    /// <summary>Sent as <c>Authorization: Bearer &lt;key&gt;</c>; DagMaster refuses worker calls without a configured key.</summary>
    public string WorkerKey { get; set; } = string.Empty;

    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    public IList<string> Queues { get; set; } = [.. DefaultQueues];

    /// <summary>HTTP claims (the default) or Service Bus queues.</summary>
    public WorkerTransport Transport { get; set; } = WorkerTransport.Http;

    /// <summary>Used when <see cref="Transport"/> is <see cref="WorkerTransport.ServiceBus"/>.</summary>
    public ServiceBusWorkerOptions ServiceBus { get; set; } = new();

    /// <summary>
    /// When set, only tasks for these of the worker's handlers are claimed; by default a worker claims tasks for every
    /// handler it has, so a task no worker can run stays queued instead of being failed by the wrong worker.
    /// (Over Service Bus a worker takes every message of its queues: route handlers by queue there.)
    /// </summary>
    public IList<string>? Handlers { get; set; }

    /// <summary>Never more than this many tasks run at once.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Long-poll time of a claim (0..30 s).</summary>
    public int ClaimWaitSeconds { get; set; } = 20;

    /// <summary>How often a running task heartbeats (the lease is 60 s from each heartbeat).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>On stop, running tasks get this long to finish; the rest are cancelled and not reported.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First delay after a failed call to DagMaster; it doubles per consecutive failure.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between retries of a failed call.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a result (complete/fail) is sent before giving up on a transient error.</summary>
    public int ReportAttempts { get; set; } = 6;

    /// <summary>The delay before retry number <paramref name="failures"/> (1-based): exponential, capped.</summary>
    public TimeSpan RetryDelayAfter(int failures)
    {
        var factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        var delay = TimeSpan.FromMilliseconds(Math.Min(RetryDelay.TotalMilliseconds * factor, MaxRetryDelay.TotalMilliseconds));
        return delay < RetryDelay ? RetryDelay : delay;
    }

    /// <summary>The problems with these options; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || BaseUrl.Scheme is not ("http" or "https"))
        {
            errors.Add($"BaseUrl must be an absolute http(s) URL, not '{BaseUrl}'.");
        }

        if (string.IsNullOrWhiteSpace(WorkerId))
        {
            errors.Add("WorkerId must not be empty.");
        }

        if (Queues is null || Queues.Count == 0 || Queues.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("Queues must name at least one queue, and no empty ones.");
        }

        if (MaxConcurrency < 1)
        {
            errors.Add($"MaxConcurrency must be at least 1, not {MaxConcurrency}.");
        }

        if (ClaimWaitSeconds is < 0 or > 30)
        {
            errors.Add($"ClaimWaitSeconds must be between 0 and 30, not {ClaimWaitSeconds}.");
        }

        if (HeartbeatInterval <= TimeSpan.Zero)
        {
            errors.Add($"HeartbeatInterval must be positive, not {HeartbeatInterval}.");
        }

        if (DrainTimeout < TimeSpan.Zero)
        {
            errors.Add($"DrainTimeout must not be negative, not {DrainTimeout}.");
        }

        if (RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay)
        {
            errors.Add($"RetryDelay must be positive and not above MaxRetryDelay ({RetryDelay} / {MaxRetryDelay}).");
        }

        if (ReportAttempts < 1)
        {
            errors.Add($"ReportAttempts must be at least 1, not {ReportAttempts}.");
        }

        if (Transport == WorkerTransport.ServiceBus)
        {
            errors.AddRange(ServiceBus?.Validate() ?? ["ServiceBus settings are required when Transport is ServiceBus."]);
        }

        return errors;
    }

    /// <summary>Throws <see cref="InvalidOperationException"/> listing every problem, if any.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid DagMaster worker options: " + string.Join(" ", errors));
        }
    }
}
