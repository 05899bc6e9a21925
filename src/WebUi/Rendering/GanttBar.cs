namespace DagMaster.WebUi.Rendering;

/// <summary>One attempt of a node (or a fan-out group) on the timeline; <see cref="FirstInRow"/> carries the row's label.</summary>
public sealed record GanttBar(string NodeId, string Label, string Status, double X, double Y, double Width, string Tooltip, int? Attempt = null, bool FirstInRow = true);
