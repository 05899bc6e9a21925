namespace DagMaster.Benchmarks;

/// <summary>What build/bench passes in: where DagMaster and PostgreSQL are, which rows to run and how big.</summary>
public sealed record BenchSettings(
    string DagMasterDll,
    string DatabaseUrl,
    int Port,
    string WorkDirectory,
    string OutputDirectory,
    IReadOnlySet<string> Rows,
    int ChainLength,
    int ThroughputJobs,
    int FanOutChildren,
    int FanOutTimeoutSeconds,
    int SubmitClients,
    int SubmitSeconds,
    int SeedJobs,
    int StartupRuns,
    double? PgbenchTps,
    string? PgbenchDetail,
    string Transport)
{
    /// <summary>The rows <c>--transport servicebus</c> runs: the ones that measure the transport.</summary>
    public static readonly string[] ServiceBusRows = ["hop", "throughput"];

    public bool ServiceBus => Transport == "servicebus";

    /// <summary>The Service Bus test peer the runner started (with <c>--transport servicebus</c>).</summary>
    public string? ServiceBusConnectionString { get; init; }

    public static readonly string[] AllRows = ["startup", "hop", "throughput", "submit", "fanout", "reads"];

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public bool Runs(string row) => Rows.Contains(row);

    public static BenchSettings From(CommandLine args)
    {
        var only = args.Text("only", string.Join(',', AllRows))
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);
        var unknown = only.Except(AllRows).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown rows in --only: {string.Join(", ", unknown)} (known: {string.Join(", ", AllRows)})");
        }

        var transport = args.Text("transport", "postgres");
        if (transport is not ("postgres" or "servicebus"))
        {
            throw new ArgumentException($"--transport is postgres or servicebus, not '{transport}'");
        }

        if (transport == "servicebus")
        {
            only.IntersectWith(ServiceBusRows);
        }

        var pgbench = args.Text("pgbench-tps", "");
        return new BenchSettings(
            Path.GetFullPath(args.Required("dagmaster")),
            args.Required("database-url"),
            args.Int("port", 8090),
            Path.GetFullPath(args.Text("work-dir", ".data/bench")),
            Path.GetFullPath(args.Text("out", "artifacts/bench")),
            only,
            args.Int("chain", 200),
            args.Int("jobs", 2000),
            args.Int("fanout", 100_000),
            args.Int("fanout-timeout", 180),
            args.Int("submit-clients", 64),
            args.Int("submit-seconds", 10),
            args.Int("seed-jobs", 1_000_000),
            args.Int("startup-runs", 3),
            pgbench.Length > 0 ? double.Parse(pgbench, System.Globalization.CultureInfo.InvariantCulture) : null,
            args.Text("pgbench-detail", "") is { Length: > 0 } detail ? detail : null,
            transport);
    }
}
