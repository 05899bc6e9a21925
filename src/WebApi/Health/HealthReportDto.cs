namespace DagMaster.WebApi.Health;

public sealed record HealthReportDto(string Status, string Version, IReadOnlyDictionary<string, HealthCheckDto> Checks);
