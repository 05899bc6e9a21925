namespace DagMaster.WebUi.Rendering;

public sealed record GraphModel(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, double Width, double Height);
