using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>Another DagMaster instance (own Kestrel port, own sweep and listener) on the same database.</summary>
public sealed class AdditionalHost : KestrelHost<Program>
{
    private readonly DagMasterAppFixture _primary;
    private readonly TimeProvider? _clock;

    /// <param name="primary">The fixture whose database and workflows this instance shares.</param>
    /// <param name="clock">This instance's clock, when it should not be the system's (a clock running ahead).</param>
    /// <param name="settings">Settings of this instance only (environment variable names), over the shared ones.</param>
    public AdditionalHost(DagMasterAppFixture primary, TimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null)
        : base(operatorClients: true, settings)
    {
        _primary = primary;
        _clock = clock;
        StartServer();
    }

    protected override Dictionary<string, string> Settings()
    {
        var settings = TestHostSettings.InProcess(_primary.ConnectionString, _primary.WorkflowsDirectory);
        settings["WEBHOOK_WORKERS"] = "0"; // the primary host sends the callbacks
        settings["WORKER_LEASE_SECONDS"] = "30";
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_clock is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(_clock));
        }
    }
}
