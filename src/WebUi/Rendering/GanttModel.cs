namespace DagMaster.WebUi.Rendering;

public sealed record GanttModel(IReadOnlyList<GanttBar> Bars, IReadOnlyList<GanttTick> Ticks, double Width, double Height)
{
    public const double LabelWidth = 170;
    public const double RowHeight = 24;
    public const double AxisHeight = 22;
}
