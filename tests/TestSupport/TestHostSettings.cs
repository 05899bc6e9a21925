namespace DagMaster.TestSupport;

/// <summary>
/// The settings (environment variable names) of every DagMaster the tests and the benchmark start, in the test
/// process or as a process of its own. Each host adds what is particular to it.
/// </summary>
public static class TestHostSettings
{
    /// <summary>The worker credential (WORKER_KEYS) of every test host.</summary>
    public const string WorkerKey = "test-worker-key";

    /// <summary>The operator credential (ADMIN_KEYS) of every test host.</summary>
    public const string AdminKey = "test-admin-key";

    /// <summary>The header an API key travels in.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>A worker lease short enough that a test can watch it lapse.</summary>
    public const double ShortLeaseSeconds = 3;

    /// <summary>Webhook retry delays short enough that "fails twice, then succeeds" runs in seconds.</summary>
    public const string ShortWebhookRetryDelays = "1,1,1,1";

    /// <summary>
    /// DagMaster in the test process: the fixture has migrated the database; the orchestrator polls five times a
    /// second, so that waits stay short; the tests' webhook receivers listen on loopback.
    /// </summary>
    public static Dictionary<string, string> InProcess(string connectionString, string workflowsDirectory)
    {
        var settings = Common(connectionString, workflowsDirectory);
        settings["AUTO_BOOTSTRAP_SCHEMA"] = "false";
        settings["ORCHESTRATOR_POLL_INTERVAL"] = "0.2";
        settings["WEBHOOK_ALLOW_PRIVATE_NETWORKS"] = "true";
        return settings;
    }

    /// <summary>
    /// DagMaster as a process of its own, as production runs it: it migrates its database itself, has no embedded
    /// worker and logs warnings only.
    /// </summary>
    public static Dictionary<string, string> OwnProcess(string connectionString, string workflowsDirectory)
    {
        var settings = Common(connectionString, workflowsDirectory);
        settings["AUTO_BOOTSTRAP_SCHEMA"] = "true";
        settings["EMBEDDED_WORKER"] = "false";
        settings["LOG_LEVEL"] = "WARNING";
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        return settings;
    }

    /// <summary>
    /// Its database and workflows, the test keys, and no retention sweep: the tests and the benchmark seed old jobs
    /// that must not be deleted mid-run (RetentionTests run it on purpose).
    /// </summary>
    private static Dictionary<string, string> Common(string connectionString, string workflowsDirectory) => new(StringComparer.Ordinal)
    {
        ["DATABASE_URL"] = connectionString,
        ["WORKFLOWS_DIR"] = workflowsDirectory,
        ["WORKER_KEYS"] = WorkerKey,
        ["ADMIN_KEYS"] = AdminKey,
        ["RETENTION_DAYS"] = "0",
    };
}
