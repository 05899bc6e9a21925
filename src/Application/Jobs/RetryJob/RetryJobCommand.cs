namespace DagMaster.Application.Jobs.RetryJob;

/// <summary>Operator retry of a failed or cancelled job; completed nodes keep their outputs.</summary>
public sealed record RetryJobCommand(Guid JobId, string Actor) : ICommand;
