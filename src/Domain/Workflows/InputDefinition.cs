namespace DagMaster.Domain.Workflows;

/// <summary>A declared job input. <see cref="Default"/> is meaningful only when <see cref="HasDefault"/>.</summary>
public sealed record InputDefinition(
    string Name,
    InputType Type,
    bool Required,
    bool HasDefault,
    object? Default,
    string? Description);
