using DagMaster.Application.Jobs.GetJobGraph;

namespace DagMaster.WebUi.Rendering;

/// <summary>A node placed on the canvas; <see cref="Group"/> is set for a fan-out drawn as one group of children.</summary>
public sealed record GraphNode(string Id, string Type, string Status, int Depth, double X, double Y, double Width, double Height, FanOutGroupDto? Group, int Attempt)
{
    public string Label => Id.Length <= 22 ? Id : string.Concat(Id.AsSpan(0, 21), "…");

    public bool IsFanOut => Type == "fan_out";
}
