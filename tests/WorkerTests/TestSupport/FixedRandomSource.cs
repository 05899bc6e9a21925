using DagMaster.Worker.Handlers;

namespace DagMaster.WorkerTests.TestSupport;

/// <summary>Returns the given numbers in turn (the last one repeats).</summary>
internal sealed class FixedRandomSource(params double[] values) : IRandomSource
{
    private int _next;

    public double NextDouble() => values[Math.Min(_next++, values.Length - 1)];
}
