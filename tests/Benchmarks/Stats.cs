namespace DagMaster.Benchmarks;

/// <summary>Percentiles (nearest rank) over latencies in milliseconds.</summary>
public sealed class Stats
{
    private readonly double[] _sorted;

    public Stats(IEnumerable<double> values) => _sorted = values.Order().ToArray();

    public int Count => _sorted.Length;

    public double P50 => Percentile(50);

    public double P99 => Percentile(99);

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public double Percentile(double p) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public Dictionary<string, object> ToJson() => new()
    {
        ["count"] = Count,
        ["p50_ms"] = Math.Round(P50, 2),
        ["p90_ms"] = Math.Round(Percentile(90), 2),
        ["p99_ms"] = Math.Round(P99, 2),
        ["max_ms"] = Math.Round(Max, 2),
    };
}
