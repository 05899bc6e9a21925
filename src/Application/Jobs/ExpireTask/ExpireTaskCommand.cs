namespace DagMaster.Application.Jobs.ExpireTask;

/// <summary>The sweep found a claimed attempt that ran out (timed out, or its lease lapsed); the handler checks again under the job's lock.</summary>
public sealed record ExpireTaskCommand(string TaskId, int TimeoutSeconds) : ICommand;
