using DagMaster.TestSupport;

namespace DagMaster.FaultTests.Infrastructure;

/// <summary>
/// A private PostgreSQL cluster for the fault tests (they stop it), under .data/fault-pg on a free port, started
/// fresh once for the test assembly. Each test works in a database of its own.
/// </summary>
public sealed class FaultCluster : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Repository.Root, ".data", "fault-pg");

    public int Port { get; } = FreePort.Next();

    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Database={database};Username=dagmaster;Maximum Pool Size=50";

    /// <summary>For the tests' own queries: no pool, so a restart leaves no broken connection behind.</summary>
    public string QueryConnectionString(string database) => ConnectionString(database) + ";Pooling=false";

    public async ValueTask InitializeAsync() => await Shell.PostgresAsync($"pg_start '{_dataDirectory}' {Port} fresh");

    public Task CreateDatabaseAsync(string name) => new TestDatabase(ConnectionString(name)).CreateAsync();

    /// <summary>An immediate stop: PostgreSQL's crash, every connection cut.</summary>
    public Task StopImmediatelyAsync() => Shell.PostgresAsync($"pg_as_owner \"$PG_BIN/pg_ctl\" -D '{_dataDirectory}' -m immediate stop >/dev/null");

    public Task StartAsync() => Shell.PostgresAsync($"pg_start '{_dataDirectory}' {Port}");

    public async ValueTask DisposeAsync() =>
        await Shell.PostgresAsync($"pg_as_owner \"$PG_BIN/pg_ctl\" -D '{_dataDirectory}' -m fast stop >/dev/null || true");
}
