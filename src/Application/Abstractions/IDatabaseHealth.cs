namespace DagMaster.Application.Abstractions;

/// <summary>Probes the database the way the health endpoints need it.</summary>
public interface IDatabaseHealth
{
    /// <summary>Returns null when healthy, otherwise a short description of the problem (never a connection string).</summary>
    Task<string?> CheckAsync(CancellationToken cancellationToken);

    /// <summary>Migrations that exist in code but are not applied yet.</summary>
    Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken);
}
