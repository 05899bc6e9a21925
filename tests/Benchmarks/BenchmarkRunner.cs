using System.Diagnostics;
using DagMaster.Benchmarks.Hosting;
using DagMaster.Benchmarks.Reporting;
using DagMaster.Benchmarks.Rows;
using DagMaster.Testing.ServiceBus;

namespace DagMaster.Benchmarks;

/// <summary>Runs the selected rows against one DagMaster process and reports them.</summary>
public static class BenchmarkRunner
{
    public static async Task<int> RunAsync(BenchSettings settings)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(settings.WorkDirectory);
        Directory.CreateDirectory(settings.OutputDirectory);
        var workflows = Path.Combine(settings.WorkDirectory, "workflows");
        BenchWorkflows.Write(workflows, settings.ChainLength);

        using var log = new LogFile(Path.Combine(settings.OutputDirectory, "processes.log"));
        await using var peer = settings.ServiceBus ? await ServiceBusPeer.StartAsync(new ServiceBusPeerOptions { Port = 0 }) : null;
        if (peer is not null)
        {
            settings = settings with { ServiceBusConnectionString = peer.ConnectionString };
            Console.WriteLine($"Service Bus: the local test peer on port {peer.Port} (in this process)");
        }

        await using var database = new BenchDatabase(settings.DatabaseUrl);
        await using var host = new DagMasterHost(settings, workflows, log);
        using var api = new DagMasterApi(settings.BaseUrl);
        var report = new Report();
        var context = new BenchContext(settings, host, api, database, log, report);
        var loadAtStart = Machine.LoadAverage();

        Console.WriteLine($"Starting DagMaster ({settings.DagMasterDll}) on {settings.BaseUrl} …");
        var firstStart = await host.StartAsync();
        await database.InitialiseProfileAsync();
        var postgres = await database.ScalarAsync<string>("SHOW server_version");

        var crashed = false;
        var rows = new (string Key, Func<Task> Run)[]
        {
            ("startup", () => StartupRow.RunAsync(context, firstStart)),
            ("hop", () => HopLatencyRow.RunAsync(context)),
            ("throughput", () => ThroughputRow.RunAsync(context)),
            ("submit", () => SubmitRow.RunAsync(context)),
            ("fanout", () => FanOutRow.RunAsync(context)),
            ("reads", async () =>
            {
                if (settings.Runs("fanout"))
                {
                    // A capped fan-out may leave DagMaster busy; the reads row starts from a fresh process.
                    await host.StopAsync();
                    await host.StartAsync();
                }

                await ReadsRow.RunAsync(context);
            }),
        };
        foreach (var (key, run) in rows.Where(r => settings.Runs(r.Key)))
        {
            Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {key} …");
            try
            {
                await run();
            }
            catch (Exception e)
            {
                crashed = true;
                report.Add(new ResultRow(key, key, $"error: {e.GetType().Name}: {e.Message.Split('\n')[0]}", "–", false));
                log.Write($"bench: row {key} failed: {e}");
            }
        }

        await host.StopAsync();
        var machine = Machine.Describe(postgres, settings.PgbenchTps, settings.PgbenchDetail);
        machine["load_average_at_start"] = loadAtStart;
        await report.WriteAsync(settings.OutputDirectory, machine, SettingsJson(settings), clock.Elapsed);

        Console.WriteLine();
        Console.WriteLine($"DagMaster benchmark — {Environment.ProcessorCount} cores, {machine["memory_mb"]} MB, PostgreSQL {postgres}, "
            + $"pgbench {(settings.PgbenchTps is { } tps ? $"{tps:0} tps" : "not run")}, load {loadAtStart} → {machine["load_average"]}, {clock.Elapsed.TotalMinutes:0.0} min");
        Console.WriteLine(report.Table());
        Console.WriteLine($"Written: {Path.Combine(settings.OutputDirectory, "results.json")}");
        return crashed ? 1 : 0;
    }

    private static Dictionary<string, object?> SettingsJson(BenchSettings settings) => new()
    {
        ["rows"] = BenchSettings.AllRows.Where(settings.Runs).ToList(),
        ["chain"] = settings.ChainLength,
        ["jobs"] = settings.ThroughputJobs,
        ["fanout"] = settings.FanOutChildren,
        ["fanout_timeout_seconds"] = settings.FanOutTimeoutSeconds,
        ["submit_clients"] = settings.SubmitClients,
        ["submit_seconds"] = settings.SubmitSeconds,
        ["seed_jobs"] = settings.SeedJobs,
        ["transport"] = settings.Transport,
    };
}
