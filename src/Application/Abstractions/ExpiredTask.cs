namespace DagMaster.Application.Abstractions;

/// <summary>A claimed attempt that ran out: <see cref="TimedOut"/> when its timeout passed, else its lease lapsed.</summary>
public sealed record ExpiredTask(string TaskId, bool TimedOut, int TimeoutSeconds);
