namespace DagMaster.Domain.Workflows;

/// <summary>What a task node (or every child of a fan-out) sends to a worker.</summary>
public sealed record TaskSpec(
    string Handler,
    string? Queue,
    IReadOnlyDictionary<string, object?> Params,
    int TimeoutSeconds,
    int? Priority)
{
    public const int DefaultTimeoutSeconds = 3600;
    public const int MaxTimeoutSeconds = 86400;
}
