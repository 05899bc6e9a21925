using System.Globalization;
using DagMaster.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace DagMaster.TestSupport;

/// <summary>
/// A DagMaster database of the tests on real PostgreSQL: migrated by the fixture (so the migrations are tested too)
/// and emptied between tests by Respawn.
/// </summary>
public sealed class TestDatabase(string connectionString)
{
    /// <summary>
    /// What a reset keeps: the workflow catalog, which a host loads once when it starts and is reference data for
    /// every test; the row each running host keeps of itself; the key ring the hosts encrypt secrets with.
    /// </summary>
    private static readonly Table[] s_kept =
    [
        new(DagMasterDbContext.Schema, "__ef_migrations_history"),
        new(DagMasterDbContext.Schema, "workflow_versions"),
        new(DagMasterDbContext.Schema, "instances"),
        new(DagMasterDbContext.Schema, "data_protection_keys"),
    ];

    private Respawner? _respawner;

    public string ConnectionString { get; } = connectionString;

    /// <summary>The database that build/test starts a private PostgreSQL for and names in DAGMASTER_TEST_DB.</summary>
    public static TestDatabase FromEnvironment() => new(EnvironmentConnectionString());

    /// <summary>
    /// A database of its own on DAGMASTER_TEST_DB's server, so that no host of another test project sees its rows
    /// (see <see cref="CreateAsync"/>).
    /// </summary>
    public static TestDatabase BesideEnvironment(string name) =>
        new(new NpgsqlConnectionStringBuilder(EnvironmentConnectionString()) { Database = name }.ConnectionString);

    /// <summary>Creates the database anew: dropped first when an earlier run left it behind.</summary>
    public async Task CreateAsync()
    {
        await DropAsync();
        await OnServerAsync($"CREATE DATABASE {Name}");
    }

    /// <summary>Drops the database when it exists, whoever is connected to it.</summary>
    public Task DropAsync() => OnServerAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");

    /// <summary>A context on this database with the migration history where the host keeps it.</summary>
    public DagMasterDbContext NewContext() =>
        new(new DbContextOptionsBuilder<DagMasterDbContext>()
            .UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations_history", DagMasterDbContext.Schema)).Options);

    /// <summary>
    /// Applies the migrations and empties the workflow catalog, which a host fills again when it starts; after this,
    /// <see cref="ResetAsync"/> can empty the database.
    /// </summary>
    public async Task MigrateAsync()
    {
        await using (var db = NewContext())
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync($"TRUNCATE {DagMasterDbContext.Schema}.workflow_versions");
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = [DagMasterDbContext.Schema],
            TablesToIgnore = s_kept,
        });
    }

    /// <summary>Deletes every row but the kept tables' (see <see cref="MigrateAsync"/>).</summary>
    public async Task ResetAsync()
    {
        var respawner = _respawner ?? throw new InvalidOperationException("the database is reset only after MigrateAsync");

        // The hosts' background work (sweeps, seeding, the outbox) locks rows too; when PostgreSQL picks the reset
        // as a deadlock's victim, nothing was deleted and it simply goes again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync();
                await respawner.ResetAsync(connection);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
            }
        }
    }

    /// <summary>Runs a statement; seeding ones may run for minutes.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The number a query answers (a count, as a rule).</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private string Name => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    /// <summary>Runs a statement in the server's <c>postgres</c> database, on a connection that is not pooled.</summary>
    private async Task OnServerAsync(string sql)
    {
        var server = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string EnvironmentConnectionString() =>
        Environment.GetEnvironmentVariable("DAGMASTER_TEST_DB")
        ?? throw new InvalidOperationException(
            "DAGMASTER_TEST_DB is not set. Run the tests with build/test, which starts a private PostgreSQL and sets it.");
}
