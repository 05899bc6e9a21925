namespace DagMaster.WebUi.Rendering;

public sealed record GanttBar(string NodeId, string Label, string Status, double X, double Y, double Width, string Tooltip);
