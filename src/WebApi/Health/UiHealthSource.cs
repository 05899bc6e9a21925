using DagMaster.WebUi.Models;

namespace DagMaster.WebApi.Health;

/// <summary>The admin health page shows the same checks as /api/v1/health.</summary>
internal sealed class UiHealthSource(HealthReporter reporter, IServiceProvider services) : IHealthPageSource
{
    public async Task<(string Status, string Version, IReadOnlyList<HealthCheckLine> Checks)> CheckAsync(CancellationToken cancellationToken)
    {
        var report = await reporter.CheckAsync(services, cancellationToken);
        return (report.Status, report.Version, report.Checks.Select(c => new HealthCheckLine(c.Key, c.Value.Status, c.Value.Detail)).ToList());
    }
}
