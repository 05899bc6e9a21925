namespace DagMaster.WebUi.Rendering;

/// <summary>An edge as an SVG path; dimmed when it leads to or from a skipped node, taken when the run went along it.</summary>
public sealed record GraphEdge(string From, string To, string Path, bool Dimmed, bool Taken, string? Label, double LabelX, double LabelY);
