using DagMaster.Application.Jobs.ListJobs;
using DagMaster.Application.Workflows.GetWorkflow;
using DagMaster.Application.Workflows.GetWorkflowSource;
using DagMaster.Application.Workflows.ListWorkflows;
using DagMaster.WebUi.Models;
using DagMaster.WebUi.Rendering;

namespace DagMaster.WebUi.Controllers;

[Route("ui/workflows")]
public sealed class WorkflowsController(ISender sender) : UiController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await sender.Send(new ListWorkflowsQuery(), cancellationToken));

    [HttpGet("{workflowId}")]
    public async Task<IActionResult> Details(string workflowId, int? version, CancellationToken cancellationToken)
    {
        var workflow = await sender.Send(new GetWorkflowQuery(workflowId, version), cancellationToken);
        if (workflow is null)
        {
            return PageNotFound($"Workflow '{workflowId}'{(version is null ? "" : $" version {version}")}");
        }

        var source = await sender.Send(new GetWorkflowSourceQuery(workflowId, workflow.Version), cancellationToken);
        var versions = (await sender.Send(new ListWorkflowsQuery(), cancellationToken))
            .FirstOrDefault(w => w.WorkflowId == workflowId)?.Versions ?? [workflow.Version];
        var recent = await sender.Send(new ListJobsQuery(WorkflowId: workflowId, Limit: 10), cancellationToken);
        return View(new WorkflowPageModel(workflow, DagLayout.Build(workflow), source, versions, recent.Items));
    }
}
