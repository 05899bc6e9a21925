namespace DagMaster.Infrastructure.Persistence;

public sealed class DatabaseOptions
{
    public string? ConnectionString { get; set; }

    /// <summary>AUTO_BOOTSTRAP_SCHEMA: apply pending migrations at start-up.</summary>
    public bool AutoBootstrapSchema { get; set; }
}
