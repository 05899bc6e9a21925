using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DagMaster.UiTests.Infrastructure;

/// <summary>A second instance of the UI tests' host (same settings and database, its own Kestrel port), as behind a load balancer.</summary>
public sealed class PeerHost : WebApplicationFactory<Program>
{
    private readonly UiAppFixture _primary;

    public PeerHost(UiAppFixture primary)
    {
        _primary = primary;
        UseKestrel(0);
        StartServer();
    }

    public Uri ServerAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        _primary.ApplySettings(builder);
        builder.UseSetting("WEBHOOK_WORKERS", "0"); // the primary sends the callbacks
    }
}
