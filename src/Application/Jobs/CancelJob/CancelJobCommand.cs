namespace DagMaster.Application.Jobs.CancelJob;

public sealed record CancelJobCommand(Guid JobId, string Actor, string? Reason, string? PlatformId = null) : ICommand;
