namespace DagMaster.Application.Jobs.RerunJob;

/// <summary>Operator rerun of a failed or cancelled job from one of its workflow's nodes.</summary>
public sealed record RerunJobCommand(Guid JobId, string FromNode, string Actor) : ICommand;
