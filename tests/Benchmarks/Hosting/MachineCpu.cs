namespace DagMaster.Benchmarks.Hosting;

/// <summary>CPU seconds summed over the machine's cores: busy, idle and stolen.</summary>
public sealed record MachineCpu(double Busy, double Idle, double Stolen)
{
    public static MachineCpu operator -(MachineCpu after, MachineCpu before) =>
        new(after.Busy - before.Busy, after.Idle - before.Idle, after.Stolen - before.Stolen);
}
