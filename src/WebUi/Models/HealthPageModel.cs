namespace DagMaster.WebUi.Models;

/// <summary>The health page: the same checks as /api/v1/health, and this instance's facts.</summary>
public sealed record HealthPageModel(
    string Status,
    string Version,
    IReadOnlyList<HealthCheckLine> Checks,
    string Instance,
    string Runtime,
    string Environment,
    DateTimeOffset StartedAt,
    DateTimeOffset Now);
