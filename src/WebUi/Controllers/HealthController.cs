using System.Diagnostics;
using DagMaster.Application.Instances.ListInstances;
using System.Runtime.InteropServices;
using DagMaster.WebUi.Models;
using Microsoft.Extensions.Hosting;

namespace DagMaster.WebUi.Controllers;

[Route("ui/health")]
public sealed class HealthController(IHealthPageSource health, ISender sender, IHostEnvironment environment, TimeProvider clock) : UiController
{
    private static readonly DateTimeOffset s_startedAt = new(Process.GetCurrentProcess().StartTime.ToUniversalTime(), TimeSpan.Zero);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var (status, version, checks) = await health.CheckAsync(cancellationToken);
        IReadOnlyList<InstanceDto> instances = [];
        if (checks.All(c => c.Name != "schema" || c.Status == "ok"))
        {
            instances = await sender.Send(new ListInstancesQuery(), cancellationToken);
        }

        return View(new HealthPageModel(
            status,
            version,
            checks,
            $"{Environment.MachineName} (pid {Environment.ProcessId})",
            RuntimeInformation.FrameworkDescription,
            environment.EnvironmentName,
            s_startedAt,
            clock.GetUtcNow(),
            instances));
    }
}
