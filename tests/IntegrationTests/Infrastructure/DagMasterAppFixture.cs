using DagMaster.Infrastructure.Persistence;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>
/// One DagMaster host for the whole test assembly, on the real PostgreSQL that build/test starts
/// (DAGMASTER_TEST_DB). Migrations are applied by the fixture, so they are tested too.
/// </summary>
public sealed class DagMasterAppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private Respawner? _respawner;

    public DagMasterAppFixture()
    {
        ConnectionString = Environment.GetEnvironmentVariable("DAGMASTER_TEST_DB")
            ?? throw new InvalidOperationException(
                "DAGMASTER_TEST_DB is not set. Run the tests with build/test, which starts a private PostgreSQL and sets it.");
        WorkflowsDirectory = Directory.CreateTempSubdirectory("dagmaster-workflows-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Workflows"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(WorkflowsDirectory, Path.GetFileName(file)));
        }

        // A real Kestrel server on a loopback port: workers talk real HTTP to it.
        UseKestrel(0);
    }

    public const string WorkerKey = "integration-test-worker-key";

    /// <summary>The operator credential (ADMIN_KEYS) every client of <see cref="WebApplicationFactory{T}.CreateClient()"/> sends.</summary>
    public const string AdminKey = "integration-test-admin-key";

    /// <summary>Webhook retry delays of the test host: short, so "fails twice, then succeeds" runs in seconds.</summary>
    public const string WebhookRetryDelays = "1,1,1,1";

    /// <summary>The lease the test host grants; short, so lease expiry is testable.</summary>
    public const double LeaseSeconds = 3;

    public string ConnectionString { get; }

    /// <summary>The real Kestrel address of the test host.</summary>
    public Uri ServerAddress => ClientOptions.BaseAddress;

    /// <summary>A private copy of the shipped workflows/ folder that tests may add files to.</summary>
    public string WorkflowsDirectory { get; }

    public async ValueTask InitializeAsync()
    {
        await using (var db = new DagMasterDbContext(new DbContextOptionsBuilder<DagMasterDbContext>()
            .UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations_history", DagMasterDbContext.Schema)).Options))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("TRUNCATE dagmaster.workflow_versions");
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'dagmaster' AND table_name NOT IN ('__ef_migrations_history', 'workflow_versions')",
            connection);
        if ((long)(await count.ExecuteScalarAsync())! == 0)
        {
            StartServer();
            return; // nothing to reset yet: Respawn refuses a schema without resettable tables
        }

        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = [DagMasterDbContext.Schema],
            // The workflow catalog is loaded once at host start and is reference data for every test.
            TablesToIgnore =
            [
                new Table(DagMasterDbContext.Schema, "__ef_migrations_history"),
                new Table(DagMasterDbContext.Schema, "workflow_versions"),
                new Table(DagMasterDbContext.Schema, "instances"), // each running host keeps its own row
                new Table(DagMasterDbContext.Schema, "data_protection_keys"), // the key ring the hosts encrypt secrets with
            ],
        });

        StartServer(); // starts the host: workflows are registered now
    }

    public async Task ResetDatabaseAsync()
    {
        if (_respawner is null)
        {
            return;
        }

        // The host's background work (sweeps, seeding, the outbox) locks rows too; when PostgreSQL picks the
        // reset as a deadlock's victim, nothing was deleted and it simply goes again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString);
                await connection.OpenAsync();
                await _respawner.ResetAsync(connection);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
            }
        }
    }

    public async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    public async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DATABASE_URL", ConnectionString);
        builder.UseSetting("WORKFLOWS_DIR", WorkflowsDirectory);
        builder.UseSetting("AUTO_BOOTSTRAP_SCHEMA", "false");
        builder.UseSetting("WORKER_KEYS", WorkerKey);
        builder.UseSetting("ADMIN_KEYS", AdminKey);
        builder.UseSetting("WEBHOOK_RETRY_DELAYS_SECONDS", WebhookRetryDelays);
        builder.UseSetting("RETENTION_DAYS", "0"); // no clock-driven deletion mid-run; RetentionTests run it on purpose
        builder.UseSetting("WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true"); // the receivers of the webhook tests listen on loopback
        builder.UseSetting("WORKER_LEASE_SECONDS", LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("ORCHESTRATOR_POLL_INTERVAL", "0.2");
    }

    /// <summary>Every client of the test host authenticates as an operator unless a test removes the header.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(WorkflowsDirectory, recursive: true);
    }
}
