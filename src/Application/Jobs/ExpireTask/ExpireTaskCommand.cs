namespace DagMaster.Application.Jobs.ExpireTask;

/// <summary>The sweep's verdict on a claimed attempt that ran out: timed out, or its lease lapsed.</summary>
public sealed record ExpireTaskCommand(string TaskId, bool TimedOut, int TimeoutSeconds) : ICommand;
