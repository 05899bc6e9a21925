namespace DagMaster.Domain.Jobs;

/// <summary>A task attempt the job wants delivered to a worker; the application turns it into a queue entry.</summary>
public sealed record TaskDispatch(
    string TaskId,
    JobId JobId,
    string NodeId,
    string Handler,
    string Queue,
    string ParamsJson,
    int Attempt,
    int MaxAttempts,
    int TimeoutSeconds,
    int Priority,
    string? CorrelationId,
    string WorkflowId,
    int WorkflowVersion,
    string? CheckpointJson,
    DateTimeOffset AvailableAt,
    string? JobTraceParent = null);
