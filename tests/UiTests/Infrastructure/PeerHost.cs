using DagMaster.TestSupport;

namespace DagMaster.UiTests.Infrastructure;

/// <summary>A second instance of the UI tests' host (same settings and database, its own Kestrel port), as behind a load balancer.</summary>
public sealed class PeerHost : KestrelHost<Program>
{
    private readonly UiAppFixture _primary;

    public PeerHost(UiAppFixture primary)
        : base(operatorClients: false)
    {
        _primary = primary;
        StartServer();
    }

    protected override Dictionary<string, string> Settings()
    {
        var settings = _primary.HostSettings();
        settings["WEBHOOK_WORKERS"] = "0"; // the primary sends the callbacks
        return settings;
    }
}
