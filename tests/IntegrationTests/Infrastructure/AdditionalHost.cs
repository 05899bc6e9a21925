using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>Another DagMaster instance (own Kestrel port, own sweep and listener) on the same database.</summary>
public sealed class AdditionalHost : WebApplicationFactory<Program>
{
    private readonly DagMasterAppFixture _primary;
    private readonly TimeProvider? _clock;
    private readonly IReadOnlyDictionary<string, string> _settings;

    /// <param name="primary">The fixture whose database and workflows this instance shares.</param>
    /// <param name="clock">This instance's clock, when it should not be the system's (a clock running ahead).</param>
    /// <param name="settings">Settings of this instance only (environment variable names), over the shared ones.</param>
    public AdditionalHost(DagMasterAppFixture primary, TimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _primary = primary;
        _clock = clock;
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(0);
        StartServer();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DATABASE_URL", _primary.ConnectionString);
        builder.UseSetting("WORKFLOWS_DIR", _primary.WorkflowsDirectory);
        builder.UseSetting("AUTO_BOOTSTRAP_SCHEMA", "false");
        builder.UseSetting("WORKER_KEYS", DagMasterAppFixture.WorkerKey);
        builder.UseSetting("ADMIN_KEYS", DagMasterAppFixture.AdminKey);
        builder.UseSetting("WEBHOOK_WORKERS", "0"); // the primary host sends the callbacks
        builder.UseSetting("WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true");
        builder.UseSetting("RETENTION_DAYS", "0");
        builder.UseSetting("WORKER_LEASE_SECONDS", "30");
        builder.UseSetting("ORCHESTRATOR_POLL_INTERVAL", "0.2");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_clock is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(_clock));
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", DagMasterAppFixture.AdminKey);
    }
}
