namespace DagMaster.Benchmarks.Reporting;

/// <summary>The machine a run was made on, recorded next to its figures.</summary>
public static class Machine
{
    public static Dictionary<string, object?> Describe(string? postgresVersion, double? pgbenchTps, string? pgbenchDetail) => new()
    {
        ["cores"] = Environment.ProcessorCount,
        ["cpu"] = ProcLine("/proc/cpuinfo", "model name")?.Split(':', 2)[1].Trim(),
        ["memory_mb"] = ProcLine("/proc/meminfo", "MemTotal") is { } total ? long.Parse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024 : null,
        ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        ["dotnet"] = Environment.Version.ToString(),
        ["postgresql"] = postgresVersion,
        ["pgbench_tps"] = pgbenchTps,
        ["pgbench"] = pgbenchDetail,
        ["load_average"] = LoadAverage(),
    };

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";

    private static string? ProcLine(string path, string prefix) =>
        File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) : null;
}
