namespace DagMaster.WebApi.Health;

/// <summary>One dependency's state (<c>ok</c> or <c>failed</c>), what was found, and how long the check took.</summary>
public sealed record HealthCheckDto(string Status, string Detail, double? LatencyMs = null)
{
    public static HealthCheckDto Ok(string detail, double? latencyMs = null) => new("ok", detail, latencyMs);

    public static HealthCheckDto Failed(string detail, double? latencyMs = null) => new("failed", detail, latencyMs);
}
