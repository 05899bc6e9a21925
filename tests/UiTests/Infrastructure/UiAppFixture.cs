using DagMaster.Infrastructure.Persistence;
using DagMaster.WebUi.Security;
using DagMaster.Worker;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Npgsql;

namespace DagMaster.UiTests.Infrastructure;

/// <summary>
/// One DagMaster host on real Kestrel (loopback) and a private PostgreSQL database of its own (so these tests never
/// meet the integration tests' data), the real worker host running the built-in handlers, and one headless
/// Debian Chromium driven by Playwright.
/// </summary>
public sealed class UiAppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string WorkerKey = "ui-test-worker-key";

    /// <summary>The operator credential (ADMIN_KEYS) the tests' API calls send.</summary>
    public const string AdminKey = "ui-test-admin-key";
    public const string OperatorName = "operator";
    public const string OperatorPassword = "operator-test-password";
    public const string ViewerName = "viewer";
    public const string ViewerPassword = "viewer-test-password";
    public const string ChromiumPath = "/usr/bin/chromium";

    private IHost? _worker;
    private IPlaywright? _playwright;

    public UiAppFixture()
    {
        var testDb = Environment.GetEnvironmentVariable("DAGMASTER_TEST_DB")
            ?? throw new InvalidOperationException("DAGMASTER_TEST_DB is not set. Run the tests with build/test, which starts a private PostgreSQL and sets it.");
        AdminConnectionString = testDb;
        ConnectionString = new NpgsqlConnectionStringBuilder(testDb) { Database = "dagmaster_ui_test" }.ConnectionString;
        WorkflowsDirectory = Directory.CreateTempSubdirectory("dagmaster-ui-workflows-").FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Workflows"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(WorkflowsDirectory, Path.GetFileName(file)));
        }

        UseKestrel(0);
    }

    public string AdminConnectionString { get; }

    public string ConnectionString { get; }

    public string WorkflowsDirectory { get; }

    public Uri ServerAddress => ClientOptions.BaseAddress;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The checkout's artifacts/screenshots folder (ignored by git).</summary>
    public static string ScreenshotDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DagMaster.sln")))
            {
                dir = dir.Parent;
            }

            var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public async ValueTask InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = 'dagmaster_ui_test'", admin);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand("CREATE DATABASE dagmaster_ui_test", admin);
                await create.ExecuteNonQueryAsync();
            }
        }

        await using (var db = new DagMasterDbContext(new DbContextOptionsBuilder<DagMasterDbContext>()
            .UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations_history", DagMasterDbContext.Schema)).Options))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync(
                "TRUNCATE dagmaster.workflow_versions, dagmaster.jobs, dagmaster.platforms, dagmaster.assets, dagmaster.webhook_deliveries CASCADE");
        }

        StartServer();
        _worker = await StartWorkerAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) with one page, watched for console errors.</summary>
    public async Task<BrowserSession> NewSessionAsync() =>
        await BrowserSession.OpenAsync(Browser, ServerAddress);

    public async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => ApplySettings(builder);

    /// <summary>The settings of this host, for another instance of it on the same database (<see cref="PeerHost"/>).</summary>
    public void ApplySettings(IWebHostBuilder builder)
    {
        var hasher = new PasswordHasher<AdminUiUser>();
        builder.UseEnvironment("Testing");
        builder.UseSetting("DATABASE_URL", ConnectionString);
        builder.UseSetting("WORKFLOWS_DIR", WorkflowsDirectory);
        builder.UseSetting("AUTO_BOOTSTRAP_SCHEMA", "false");
        builder.UseSetting("WORKER_KEYS", WorkerKey);
        builder.UseSetting("ADMIN_KEYS", AdminKey);
        builder.UseSetting("ORCHESTRATOR_POLL_INTERVAL", "0.2");
        builder.UseSetting("RETENTION_DAYS", "0"); // the timing tests seed old jobs that retention must not delete mid-run
        builder.UseSetting("WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true"); // platforms name callbacks.example, which does not resolve
        // Every test signs in, many within a minute from one address: the login throttle is raised here.
        builder.UseSetting("AdminUi:LoginAttemptsPerMinute", "10000");
        builder.UseSetting("AdminUi:LoginAttemptsPerMinutePerName", "10000");
        builder.UseSetting("AdminUi:Users:0:Name", OperatorName);
        builder.UseSetting("AdminUi:Users:0:Role", UiRoles.Operator);
        builder.UseSetting("AdminUi:Users:0:PasswordHash", hasher.HashPassword(new AdminUiUser(), OperatorPassword));
        builder.UseSetting("AdminUi:Users:1:Name", ViewerName);
        builder.UseSetting("AdminUi:Users:1:Role", UiRoles.Viewer);
        builder.UseSetting("AdminUi:Users:1:PasswordHash", hasher.HashPassword(new AdminUiUser(), ViewerPassword));
    }

    private async Task<IHost> StartWorkerAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services
            .AddDagMasterWorker(options =>
            {
                options.BaseUrl = ServerAddress;
                options.WorkerKey = WorkerKey;
                options.WorkerId = "ui-test-worker";
                options.MaxConcurrency = 4;
                options.ClaimWaitSeconds = 2;
                options.HeartbeatInterval = TimeSpan.FromSeconds(1);
                options.DrainTimeout = TimeSpan.FromSeconds(2);
            })
            .AddBuiltInHandlers();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_worker is not null)
        {
            await _worker.StopAsync(CancellationToken.None);
            _worker.Dispose();
        }

        await base.DisposeAsync();
        Directory.Delete(WorkflowsDirectory, recursive: true);
    }
}
