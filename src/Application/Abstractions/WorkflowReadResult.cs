using DagMaster.Domain.Workflows;

namespace DagMaster.Application.Abstractions;

/// <summary>
/// The outcome of reading one workflow file: a definition when it is valid, otherwise every error found.
/// <see cref="ContentHash"/> is the SHA-256 of the source text, hex encoded.
/// </summary>
public sealed record WorkflowReadResult(WorkflowDefinition? Definition, IReadOnlyList<WorkflowError> Errors, string ContentHash)
{
    public bool IsValid => Definition is not null;
}
