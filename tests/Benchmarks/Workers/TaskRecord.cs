using System.Globalization;

namespace DagMaster.Benchmarks.Workers;

/// <summary>
/// One task as a bench worker saw it. Times are <see cref="System.Diagnostics.Stopwatch"/> timestamps, which on
/// Linux read CLOCK_MONOTONIC and so compare across processes of one machine.
/// </summary>
public sealed record TaskRecord(string JobId, string NodeId, long Received, long CompleteSent, long CompleteAcked, int Status)
{
    public string ToLine() =>
        string.Join('\t', JobId, NodeId, Received.ToString(CultureInfo.InvariantCulture), CompleteSent.ToString(CultureInfo.InvariantCulture),
            CompleteAcked.ToString(CultureInfo.InvariantCulture), Status.ToString(CultureInfo.InvariantCulture));

    public static TaskRecord Parse(string line)
    {
        var f = line.Split('\t');
        return new TaskRecord(f[0], f[1], long.Parse(f[2], CultureInfo.InvariantCulture), long.Parse(f[3], CultureInfo.InvariantCulture),
            long.Parse(f[4], CultureInfo.InvariantCulture), int.Parse(f[5], CultureInfo.InvariantCulture));
    }
}
