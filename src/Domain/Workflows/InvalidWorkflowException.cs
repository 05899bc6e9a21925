namespace DagMaster.Domain.Workflows;

/// <summary>
/// Thrown when a workflow breaks one or more structural rules. It carries every violation, not just the
/// first, so an author can fix a file in one pass.
/// </summary>
public sealed class InvalidWorkflowException(IReadOnlyList<WorkflowError> errors)
    : Exception(BuildMessage(errors))
{
    public IReadOnlyList<WorkflowError> Errors { get; } = errors;

    private static string BuildMessage(IReadOnlyList<WorkflowError> errors) =>
        $"The workflow has {errors.Count} error(s): " + string.Join("; ", errors.Select(e => e.ToString()));
}
