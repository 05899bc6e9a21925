namespace DagMaster.Infrastructure.Dispatch.Postgres;

/// <summary>A row of the PostgreSQL task queue: one task attempt waiting for, or held by, a worker.</summary>
internal sealed class QueuedTask
{
    public string TaskId { get; set; } = null!;

    public Guid JobId { get; set; }

    public string NodeId { get; set; } = null!;

    public string Queue { get; set; } = null!;

    public string Handler { get; set; } = null!;

    public int Priority { get; set; }

    /// <summary>
    /// The task's place among the tasks its job enqueued together (0, 1, 2, …). Claims take the first task of
    /// every job before any job's second, so one job's wide fan-out cannot starve the others.
    /// </summary>
    public int JobSequence { get; set; }

    public int Attempt { get; set; }

    public int TimeoutSeconds { get; set; }

    public int MaxAttempts { get; set; }

    public DateTimeOffset EnqueuedAt { get; set; }

    public DateTimeOffset AvailableAt { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>The W3C trace context of the task's dispatch span, handed to the worker in the task message.</summary>
    public string? TraceParent { get; set; }
}
