using DagMaster.Domain.Workflows;

namespace DagMaster.Application.Workflows.GetWorkflow;

/// <summary>A workflow version as the API shows it: inputs, nodes and edges.</summary>
public sealed record WorkflowDetailsDto(
    string WorkflowId,
    string Name,
    int Version,
    string? Description,
    int? TimeoutSeconds,
    IReadOnlyList<WorkflowInputDto> Inputs,
    IReadOnlyList<WorkflowNodeDto> Nodes,
    IReadOnlyList<WorkflowEdgeDto> Edges,
    IReadOnlyDictionary<string, object?> Outputs)
{
    public static WorkflowDetailsDto From(WorkflowDefinition definition) => new(
        definition.WorkflowId,
        definition.Name,
        definition.Version,
        definition.Description,
        definition.TimeoutSeconds,
        definition.Inputs.Select(i => new WorkflowInputDto(i.Name, InputValues.TypeName(i.Type), i.Required, i.HasDefault ? i.Default : null, i.Description)).ToList(),
        definition.Nodes.Select(WorkflowNodeDto.From).ToList(),
        definition.Nodes.SelectMany(EdgesOf).ToList(),
        definition.Outputs);

    private static IEnumerable<WorkflowEdgeDto> EdgesOf(NodeDefinition node) =>
        node.Successors.Select(successor => new WorkflowEdgeDto(
            node.Id,
            successor,
            node.Branches.FirstOrDefault(b => b.Target == successor) is { } branch ? branch.Name ?? (branch.IsDefault ? "default" : null) : null));
}
