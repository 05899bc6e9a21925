using DagMaster.Infrastructure.Persistence;
using DagMaster.Testing.ServiceBus;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace DagMaster.ServiceBusTransportTests.Infrastructure;

/// <summary>
/// The Service Bus test peer and a DagMaster host with TASK_TRANSPORT=servicebus on a database of its own
/// (<c>dagmaster_sb_test</c>, beside build/test's), so no host of another transport sweeps its jobs.
/// </summary>
public sealed class ServiceBusAppFixture : IAsyncLifetime
{
    public const string WorkerKey = "sb-test-worker-key";
    public const string AdminKey = "sb-test-admin-key";
    private const string DatabaseName = "dagmaster_sb_test";

    private Respawner? _respawner;

    public ServiceBusAppFixture()
    {
        var testDb = Environment.GetEnvironmentVariable("DAGMASTER_TEST_DB")
            ?? throw new InvalidOperationException(
                "DAGMASTER_TEST_DB is not set. Run the tests with build/test, which starts a private PostgreSQL and sets it.");
        ServerConnectionString = new NpgsqlConnectionStringBuilder(testDb) { Database = "postgres", Pooling = false }.ConnectionString;
        ConnectionString = new NpgsqlConnectionStringBuilder(testDb) { Database = DatabaseName }.ConnectionString;
        WorkflowsDirectory = Directory.CreateTempSubdirectory("dagmaster-sb-workflows-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Workflows"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(WorkflowsDirectory, Path.GetFileName(file)));
        }
    }

    public ServiceBusPeer Peer { get; private set; } = null!;

    public ServiceBusHost Host { get; private set; } = null!;

    public string ConnectionString { get; }

    public string WorkflowsDirectory { get; }

    private string ServerConnectionString { get; }

    public async ValueTask InitializeAsync()
    {
        Peer = await ServiceBusPeer.StartAsync(new ServiceBusPeerOptions { Port = 0 });
        await using (var server = new NpgsqlConnection(ServerConnectionString))
        {
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", server);
            await create.ExecuteNonQueryAsync();
        }

        await using (var db = new DagMasterDbContext(new DbContextOptionsBuilder<DagMasterDbContext>()
            .UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations_history", DagMasterDbContext.Schema)).Options))
        {
            await db.Database.MigrateAsync();
        }

        Host = StartHost();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = [DagMasterDbContext.Schema],
            TablesToIgnore =
            [
                new Table(DagMasterDbContext.Schema, "__ef_migrations_history"),
                new Table(DagMasterDbContext.Schema, "workflow_versions"),
                new Table(DagMasterDbContext.Schema, "instances"),
                new Table(DagMasterDbContext.Schema, "data_protection_keys"), // the key ring the hosts encrypt secrets with
            ],
        });
    }

    /// <summary>Another DagMaster instance on the same database and peer, with extra settings (e.g. a crashing relay).</summary>
    public ServiceBusHost StartHost(IReadOnlyDictionary<string, string>? settings = null) => new(this, settings ?? new Dictionary<string, string>());

    public async Task ResetDatabaseAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Peer.DisposeAsync();
        Directory.Delete(WorkflowsDirectory, recursive: true);
    }
}
