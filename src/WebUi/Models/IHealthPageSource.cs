namespace DagMaster.WebUi.Models;

/// <summary>The host's health checks, as the health page shows them (the host owns the checks).</summary>
public interface IHealthPageSource
{
    Task<(string Status, string Version, IReadOnlyList<HealthCheckLine> Checks)> CheckAsync(CancellationToken cancellationToken);
}
