using DagMaster.Domain.Common;

namespace DagMaster.Domain.Workflows;

/// <summary>
/// A workflow version as registered in the catalog: its source text and content hash. Once registered, a
/// (workflow id, version) pair never changes content, so running jobs can always be traced to the exact
/// definition they started with.
/// </summary>
public sealed class WorkflowVersion : Entity, IAggregateRoot
{
    private WorkflowVersion()
    {
        // For EF Core.
    }

    public string WorkflowId { get; private set; } = null!;

    public int Version { get; private set; }

    public string Name { get; private set; } = null!;

    public string? Description { get; private set; }

    public int NodeCount { get; private set; }

    public string ContentHash { get; private set; } = null!;

    public string Source { get; private set; } = null!;

    public string? SourceFile { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public static WorkflowVersion Register(WorkflowDefinition definition, string source, string contentHash, string? sourceFile, TimeProvider clock) =>
        new()
        {
            WorkflowId = definition.WorkflowId,
            Version = definition.Version,
            Name = definition.Name,
            Description = definition.Description,
            NodeCount = definition.Nodes.Count,
            ContentHash = contentHash,
            Source = source,
            SourceFile = sourceFile,
            RegisteredAt = clock.GetUtcNow(),
        };

}
