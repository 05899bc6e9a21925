namespace DagMaster.Worker;

/// <summary>Progress of a running task: <c>{current, total, message}</c> on the wire.</summary>
public sealed record TaskProgress(long Current, long Total, string? Message = null);
