namespace DagMaster.WebApi.Health;

public sealed record HealthCheckDto(string Status, string Detail)
{
    public static HealthCheckDto Ok(string detail) => new("ok", detail);

    public static HealthCheckDto Failed(string detail) => new("failed", detail);
}
