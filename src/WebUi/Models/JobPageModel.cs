using DagMaster.Application.Jobs.GetJob;
using DagMaster.Application.Jobs.GetJobEvents;
using DagMaster.Application.Jobs.GetJobGraph;
using DagMaster.WebUi.Rendering;

namespace DagMaster.WebUi.Models;

/// <summary>Everything the job page and its live part show.</summary>
public sealed record JobPageModel(
    JobDetailsDto Job,
    GraphModel? Graph,
    GanttModel? Gantt,
    IReadOnlyList<NodeStateDto> Nodes,
    IReadOnlyList<FanOutGroupDto> FanOuts,
    JobEventPageDto Events,
    bool CanOperate,
    DateTimeOffset Now)
{
    /// <summary>The page keeps refreshing itself while this holds.</summary>
    public bool IsLive => Job.Status is "pending" or "running";

    public bool CanCancel => CanOperate && IsLive;

    public bool CanRetry => CanOperate && Job.Status is "failed" or "cancelled";

    public FanOutGroupDto? GroupOf(string nodeId) => FanOuts.FirstOrDefault(g => g.NodeId == nodeId);
}
