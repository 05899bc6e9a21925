namespace DagMaster.Benchmarks.Hosting;

/// <summary>
/// Where the machine's CPU went while a row ran: DagMaster, the row's workers, the side workers, the harness, the
/// rest (PostgreSQL and anything else), the idle time and what the hypervisor stole, in CPU seconds summed over the
/// cores. Every process shares the same cores, so a latency measured under load reads together with these.
/// </summary>
public sealed class CpuShares
{
    private readonly int _dagMaster;
    private readonly int[] _workers;
    private readonly int[] _sideWorkers;
    private readonly Snapshot _start;

    public CpuShares(int dagMaster, IEnumerable<int> workers, IEnumerable<int> sideWorkers)
    {
        _dagMaster = dagMaster;
        _workers = [.. workers];
        _sideWorkers = [.. sideWorkers];
        _start = Take();
    }

    /// <summary>The CPU seconds each share used since this was created.</summary>
    public Dictionary<string, double> Since()
    {
        var now = Take();
        var machine = now.Machine - _start.Machine;
        var dagMaster = now.DagMaster - _start.DagMaster;
        var workers = now.Workers - _start.Workers;
        var sideWorkers = now.SideWorkers - _start.SideWorkers;
        var harness = now.Harness - _start.Harness;
        return new Dictionary<string, double>
        {
            ["dagmaster"] = Math.Round(dagMaster, 1),
            ["workers"] = Math.Round(workers, 1),
            ["side_workers"] = Math.Round(sideWorkers, 1),
            ["harness"] = Math.Round(harness, 1),
            ["postgres_and_rest"] = Math.Round(machine.Busy - dagMaster - workers - sideWorkers - harness, 1),
            ["idle"] = Math.Round(machine.Idle, 1),
            ["stolen"] = Math.Round(machine.Stolen, 1),
        };
    }

    private Snapshot Take() => new(
        ProcFs.MachineCpuSeconds(),
        ProcFs.CpuSeconds(_dagMaster),
        _workers.Sum(ProcFs.CpuSeconds),
        _sideWorkers.Sum(ProcFs.CpuSeconds),
        ProcFs.CpuSeconds(Environment.ProcessId));

    private sealed record Snapshot(MachineCpu Machine, double DagMaster, double Workers, double SideWorkers, double Harness);
}
