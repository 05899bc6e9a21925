namespace DagMaster.Application.Jobs.EnforceDeadline;

public sealed record EnforceDeadlineCommand(Guid JobId) : ICommand<bool>;
