namespace DagMaster.WebUi.Models;

public sealed record HealthCheckLine(string Name, string Status, string Detail);
