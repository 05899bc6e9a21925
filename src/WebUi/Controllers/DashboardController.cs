using DagMaster.Application.Jobs.GetDashboard;

namespace DagMaster.WebUi.Controllers;

[Route("ui")]
public sealed class DashboardController(ISender sender) : UiController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await sender.Send(new GetDashboardQuery(), cancellationToken));

    /// <summary>The dashboard's body, which the page reloads every few seconds.</summary>
    [HttpGet("dashboard/live")]
    public async Task<IActionResult> Live(CancellationToken cancellationToken) =>
        PartialView("_Live", await sender.Send(new GetDashboardQuery(), cancellationToken));
}
