using DagMaster.TestSupport;
using DagMaster.WebUi.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;

namespace DagMaster.UiTests.Infrastructure;

/// <summary>
/// One DagMaster host on real Kestrel (loopback) and a private PostgreSQL database of its own (so these tests never
/// meet the integration tests' data), the real worker host running the built-in handlers, and one headless
/// Debian Chromium driven by Playwright.
/// </summary>
public sealed class UiAppFixture() : KestrelHost<Program>(operatorClients: false), IAsyncLifetime
{
    public const string OperatorName = "operator";
    public const string OperatorPassword = "operator-test-password";
    public const string ViewerName = "viewer";
    public const string ViewerPassword = "viewer-test-password";
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly TestDatabase _database = TestDatabase.BesideEnvironment("dagmaster_ui_test");
    private readonly WorkflowsFolder _workflows = WorkflowsFolder.CopyOfShipped();
    private TestWorker? _worker;
    private IPlaywright? _playwright;

    public string ConnectionString => _database.ConnectionString;

    public string WorkflowsDirectory => _workflows.Path;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The checkout's artifacts/screenshots folder (ignored by git).</summary>
    public static string ScreenshotDirectory
    {
        get
        {
            var path = Path.Combine(Repository.Artifacts, "screenshots");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public async ValueTask InitializeAsync()
    {
        await _database.CreateAsync();
        await _database.MigrateAsync();
        StartServer();
        _worker = await TestWorker.StartAsync(options =>
        {
            options.BaseUrl = ServerAddress;
            options.WorkerId = "ui-test-worker";
            options.MaxConcurrency = 4;
        });

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

    public Task ExecuteSqlAsync(string sql) => _database.ExecuteAsync(sql);

    public Task<long> ScalarAsync(string sql) => _database.ScalarAsync(sql);

    /// <summary>The settings of this host, also those of another instance of it on the same database (<see cref="PeerHost"/>).</summary>
    public Dictionary<string, string> HostSettings()
    {
        var hasher = new PasswordHasher<AdminUiUser>();
        var settings = TestHostSettings.InProcess(ConnectionString, WorkflowsDirectory);
        // Every test signs in, many within a minute from one address: the login throttle is raised here.
        settings["AdminUi:LoginAttemptsPerMinute"] = "10000";
        settings["AdminUi:LoginAttemptsPerMinutePerName"] = "10000";
        settings["AdminUi:Users:0:Name"] = OperatorName;
        settings["AdminUi:Users:0:Role"] = UiRoles.Operator;
        settings["AdminUi:Users:0:PasswordHash"] = hasher.HashPassword(new AdminUiUser(), OperatorPassword);
        settings["AdminUi:Users:1:Name"] = ViewerName;
        settings["AdminUi:Users:1:Role"] = UiRoles.Viewer;
        settings["AdminUi:Users:1:PasswordHash"] = hasher.HashPassword(new AdminUiUser(), ViewerPassword);
        return settings;
    }

    protected override Dictionary<string, string> Settings() => HostSettings();

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_worker is not null)
        {
            await _worker.DisposeAsync();
        }

        await base.DisposeAsync();
        _workflows.Dispose();
    }
}
