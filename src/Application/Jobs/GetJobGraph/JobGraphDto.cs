namespace DagMaster.Application.Jobs.GetJobGraph;

public sealed record JobGraphDto(IReadOnlyList<NodeStateDto> Nodes, IReadOnlyList<FanOutGroupDto> FanOuts);
