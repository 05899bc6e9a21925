namespace DagMaster.Domain.Workflows;

/// <summary>
/// One branch of a conditional node. <see cref="Condition"/> is null for the default branch. For the boolean
/// form, the branches are named "true" and "false" and the condition is a constant.
/// </summary>
public sealed record ConditionalBranch(string? Name, string? Condition, string Target, bool IsDefault);
