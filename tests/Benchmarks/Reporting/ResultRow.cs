namespace DagMaster.Benchmarks.Reporting;

/// <summary>One line of the printed table; <see cref="Met"/> is null when there is nothing to judge.</summary>
public sealed record ResultRow(string Key, string Figure, string Measured, string Target, bool? Met)
{
    public Dictionary<string, object?> Details { get; init; } = [];
}
