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
}
