using System.Diagnostics;

namespace DagMaster.Benchmarks.Hosting;

/// <summary>
/// The runtime's background JIT (tiered compilation re-compiling hot methods) of some of the bench's .NET processes,
/// read from Linux's /proc: the CPU its threads have used since this meter was made. The runtime ends an idle JIT
/// thread and starts a new one when work comes, so each thread's figure is kept once seen.
/// </summary>
public sealed class BackgroundJit(params int[] pids)
{
    /// <summary>The name Linux shows for the runtime's tiered compilation worker thread (15 characters of it).</summary>
    private const string ThreadName = ".NET Tiered Com";

    /// <summary>Warm once a whole round ran with the JIT at most this share of its time (a few late re-compilations).</summary>
    private const double QuietShare = 0.02;

    private readonly Dictionary<(int Pid, int Tid), double> _threads = [];
    private double? _start;

    /// <summary>CPU seconds the background JIT of the processes used since the first call.</summary>
    public double CpuSeconds()
    {
        foreach (var pid in pids)
        {
            foreach (var (tid, seconds) in ProcFs.ThreadCpuSeconds(pid, ThreadName))
            {
                _threads[(pid, tid)] = seconds;
            }
        }

        var total = _threads.Values.Sum();
        _start ??= total;
        return total - _start.Value;
    }

    /// <summary>
    /// Runs untimed rounds of a row's own work until one whole round ran with the processes' background JIT at most
    /// 2 % of its time, or for at most <paramref name="most"/> (ADR-0119).
    /// </summary>
    public async Task<WarmUp> WarmUpAsync(Func<Task> round, TimeSpan most)
    {
        var clock = Stopwatch.StartNew();
        var rounds = 0;
        while (true)
        {
            var roundStart = clock.Elapsed;
            var before = CpuSeconds();
            await round();
            rounds++;
            var after = CpuSeconds();
            if (after - before <= QuietShare * (clock.Elapsed - roundStart).TotalSeconds || clock.Elapsed > most)
            {
                return new WarmUp(rounds, clock.Elapsed, after);
            }
        }
    }

    /// <summary>How long a warm-up took: its rounds, its time and the JIT's CPU seconds within it.</summary>
    public sealed record WarmUp(int Rounds, TimeSpan Elapsed, double JitSeconds)
    {
        /// <summary>Adds the figures a row reports to its details, its rounds under the name it gives them (chains, rounds).</summary>
        public void AddTo(Dictionary<string, object?> details, string rounds)
        {
            details[$"warm_up_{rounds}"] = Rounds;
            details["warm_up_seconds"] = Math.Round(Elapsed.TotalSeconds, 1);
            details["warm_up_jit_cpu_seconds"] = Math.Round(JitSeconds, 2);
        }
    }
}
