using System.Globalization;

namespace DagMaster.Benchmarks.Hosting;

/// <summary>Memory and CPU figures of a process from Linux's /proc.</summary>
public static class ProcFs
{
    private const double ClockTicksPerSecond = 100;

    /// <summary>A <c>/proc/PID/status</c> field in kB (<c>VmHWM</c> = peak RSS, <c>VmRSS</c> = current), or null.</summary>
    public static long? StatusKb(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Resets the peak RSS (<c>VmHWM</c>) to the current RSS; false when the kernel refuses.</summary>
    public static bool ResetPeakRss(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>User + system CPU seconds the process has used so far.</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            return StatCpuSeconds(File.ReadAllText($"/proc/{pid}/stat"));
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>
    /// User + system CPU seconds used so far by each of the process's threads (by thread id) whose name starts with
    /// <paramref name="threadName"/> (e.g. <c>.NET Tiered Com</c>, the runtime's background JIT).
    /// </summary>
    public static Dictionary<int, double> ThreadCpuSeconds(int pid, string threadName)
    {
        var threads = new Dictionary<int, double>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(task, "stat"));
                    var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                    if (name.StartsWith(threadName, StringComparison.Ordinal))
                    {
                        threads[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = StatCpuSeconds(stat);
                    }
                }
                catch (IOException)
                {
                    // The thread ended meanwhile.
                }
            }
        }
        catch (IOException)
        {
            // The process ended.
        }

        return threads;
    }

    /// <summary>
    /// The machine's CPU seconds so far, summed over its cores (<c>/proc/stat</c>): busy (user, nice, system, irq,
    /// softirq), idle (idle, iowait) and stolen by the hypervisor for other guests.
    /// </summary>
    public static MachineCpu MachineCpuSeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture) / ClockTicksPerSecond).ToArray();
        return new MachineCpu(fields[0] + fields[1] + fields[2] + fields[5] + fields[6], fields[3] + fields[4], fields[7]);
    }

    private static double StatCpuSeconds(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the command name: field 3 is the state, so utime (14) and stime (15) are at 11 and 12.
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
    }
}
