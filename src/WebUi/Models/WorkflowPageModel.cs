using DagMaster.Application.Jobs.ListJobs;
using DagMaster.Application.Workflows.GetWorkflow;
using DagMaster.Application.Workflows.GetWorkflowSource;
using DagMaster.WebUi.Rendering;

namespace DagMaster.WebUi.Models;

public sealed record WorkflowPageModel(
    WorkflowDetailsDto Workflow,
    GraphModel Graph,
    WorkflowSourceDto? Source,
    IReadOnlyList<int> Versions,
    IReadOnlyList<JobSummaryDto> RecentJobs);
