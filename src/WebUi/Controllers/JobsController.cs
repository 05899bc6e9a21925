using DagMaster.Application.Jobs.CancelJob;
using DagMaster.Application.Jobs.GetJob;
using DagMaster.Application.Jobs.GetJobEvents;
using DagMaster.Application.Jobs.GetJobGraph;
using DagMaster.Application.Jobs.ListJobs;
using DagMaster.Application.Jobs.RerunJob;
using DagMaster.Application.Jobs.RetryJob;
using DagMaster.Application.Workflows.GetWorkflow;
using DagMaster.Application.Workflows.ListWorkflows;
using DagMaster.WebUi.Models;
using DagMaster.WebUi.Rendering;
using DagMaster.WebUi.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;

namespace DagMaster.WebUi.Controllers;

[Route("ui/jobs")]
public sealed class JobsController(ISender sender, TimeProvider clock) : UiController
{
    /// <summary>At most this many selected jobs are acted on per POST.</summary>
    public const int MaxSelection = 200;

    private const int EventsPerPage = 300;

    [HttpGet("")]
    public async Task<IActionResult> Index(
        string? status,
        [FromQuery(Name = "workflow_id")] string? workflowId,
        [FromQuery(Name = "correlation_id")] string? correlationId,
        [FromQuery(Name = "platform_id")] string? platformId,
        [FromQuery(Name = "created_after")] string? createdAfter,
        [FromQuery(Name = "created_before")] string? createdBefore,
        string? cursor,
        int? limit,
        CancellationToken cancellationToken)
    {
        var filter = new JobListFilter(status, workflowId, correlationId, platformId, createdAfter, createdBefore, cursor, limit ?? 50);
        var workflows = (await sender.Send(new ListWorkflowsQuery(), cancellationToken)).Select(w => w.WorkflowId).ToList();
        var problems = filter.Problems();
        var page = new JobPageDto([], null);
        if (problems.Count == 0)
        {
            try
            {
                page = await sender.Send(filter.ToQuery(), cancellationToken);
            }
            catch (ValidationException e)
            {
                problems = e.Errors.Select(x => x.ErrorMessage).ToList();
            }
        }

        if (problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return View(new JobListModel(filter, page, workflows, CanOperate, problems));
    }

    [HttpPost("cancel")]
    [Authorize(Policy = UiPolicies.Operator)]
    public Task<IActionResult> CancelSelected([FromForm] List<Guid> ids, [FromForm] string? returnUrl) =>
        ForEachSelectedAsync(ids, returnUrl, "cancelled", id => sender.Send(new CancelJobCommand(id, Actor, "cancelled from the admin pages")).AsTask());

    [HttpPost("retry")]
    [Authorize(Policy = UiPolicies.Operator)]
    public Task<IActionResult> RetrySelected([FromForm] List<Guid> ids, [FromForm] string? returnUrl) =>
        ForEachSelectedAsync(ids, returnUrl, "retried", id => sender.Send(new RetryJobCommand(id, Actor)).AsTask());

    [HttpGet("{jobId:guid}")]
    public async Task<IActionResult> Details(Guid jobId, CancellationToken cancellationToken)
    {
        var model = await LoadAsync(jobId, cancellationToken);
        return model is null ? PageNotFound($"Job {jobId}") : View(model);
    }

    /// <summary>The part of the job page that changes while it runs; the page polls it (htmx) until the job ends.</summary>
    [HttpGet("{jobId:guid}/live")]
    public async Task<IActionResult> Live(Guid jobId, CancellationToken cancellationToken)
    {
        var model = await LoadAsync(jobId, cancellationToken);
        return model is null ? NotFound() : PartialView("_Live", model);
    }

    [HttpPost("{jobId:guid}/cancel")]
    [Authorize(Policy = UiPolicies.Operator)]
    public async Task<IActionResult> Cancel(Guid jobId, [FromForm] string? reason)
    {
        await TryActAsync(() => sender.Send(new CancelJobCommand(jobId, Actor, string.IsNullOrWhiteSpace(reason) ? null : reason)).AsTask(), "Job cancelled.");
        return RedirectToAction(nameof(Details), new { jobId });
    }

    [HttpPost("{jobId:guid}/retry")]
    [Authorize(Policy = UiPolicies.Operator)]
    public async Task<IActionResult> Retry(Guid jobId)
    {
        await TryActAsync(() => sender.Send(new RetryJobCommand(jobId, Actor)).AsTask(), "Job retried: failed and cancelled nodes run again.");
        return RedirectToAction(nameof(Details), new { jobId });
    }

    [HttpPost("{jobId:guid}/rerun")]
    [Authorize(Policy = UiPolicies.Operator)]
    public async Task<IActionResult> Rerun(Guid jobId, [FromForm(Name = "from_node")] string? fromNode)
    {
        await TryActAsync(
            () => sender.Send(new RerunJobCommand(jobId, fromNode ?? "", Actor)).AsTask(),
            $"Job rerun from '{fromNode}': it and everything downstream run again.");
        return RedirectToAction(nameof(Details), new { jobId });
    }

    private async Task<JobPageModel?> LoadAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await sender.Send(new GetJobQuery(jobId), cancellationToken);
        var graph = job is null ? null : await sender.Send(new GetJobGraphQuery(jobId), cancellationToken);
        if (job is null || graph is null)
        {
            return null;
        }

        var workflow = await sender.Send(new GetWorkflowQuery(job.WorkflowId, job.WorkflowVersion), cancellationToken);
        var events = await sender.Send(new GetJobEventsQuery(jobId, null, EventsPerPage), cancellationToken) ?? new JobEventPageDto([], null);
        var states = graph.Nodes.ToDictionary(n => n.NodeId, StringComparer.Ordinal);
        var layout = workflow is null ? null : DagLayout.Build(workflow, states, graph.FanOuts.ToDictionary(g => g.NodeId, StringComparer.Ordinal));
        var now = clock.GetUtcNow();
        var gantt = layout is null ? null : GanttLayout.Build(job, layout, states, events.Items, now);
        return new JobPageModel(job, layout, gantt, graph.Nodes, graph.FanOuts, events, CanOperate, now);
    }

    private async Task<IActionResult> ForEachSelectedAsync(List<Guid> ids, string? returnUrl, string verb, Func<Guid, Task> act)
    {
        var selected = ids.Distinct().Take(MaxSelection).ToList();
        var done = 0;
        var refused = new List<string>();
        foreach (var id in selected)
        {
            if (await TryActAsync(() => act(id), ""))
            {
                done++;
            }
            else
            {
                refused.Add($"{id}: {TempData[FlashErrorKey]}");
            }
        }

        TempData[FlashKey] = selected.Count == 0 ? "No job selected." : $"{done} of {selected.Count} job(s) {verb}.";
        TempData[FlashErrorKey] = refused.Count == 0 ? null : string.Join(" ", refused.Take(5));
        return Redirect(returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/ui/jobs", StringComparison.Ordinal) ? returnUrl : "/ui/jobs");
    }
}
