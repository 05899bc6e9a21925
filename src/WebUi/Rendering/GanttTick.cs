namespace DagMaster.WebUi.Rendering;

public sealed record GanttTick(double X, string Label);
