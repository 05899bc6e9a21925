using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DagMaster.UiTests.Infrastructure;

/// <summary>A second DagMaster host on the UI tests' database whose admin pages sign in only through a <see cref="FakeOpenIdProvider"/>.</summary>
public sealed class OidcHost : WebApplicationFactory<Program>
{
    private readonly UiAppFixture _primary;
    private readonly FakeOpenIdProvider _provider;

    public OidcHost(UiAppFixture primary, FakeOpenIdProvider provider)
    {
        _primary = primary;
        _provider = provider;
        UseKestrel(0);
        StartServer();
    }

    public Uri ServerAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("DATABASE_URL", _primary.ConnectionString);
        builder.UseSetting("WORKFLOWS_DIR", _primary.WorkflowsDirectory);
        builder.UseSetting("AUTO_BOOTSTRAP_SCHEMA", "false");
        builder.UseSetting("WORKER_KEYS", UiAppFixture.WorkerKey);
        builder.UseSetting("ADMIN_KEYS", UiAppFixture.AdminKey);
        builder.UseSetting("WEBHOOK_WORKERS", "0");
        builder.UseSetting("RETENTION_DAYS", "0");
        builder.UseSetting("AdminUi:Oidc:Authority", _provider.Issuer);
        builder.UseSetting("AdminUi:Oidc:ClientId", FakeOpenIdProvider.ClientId);
        builder.UseSetting("AdminUi:Oidc:ClientSecret", "test-client-secret");
        builder.UseSetting("AdminUi:Oidc:RequireHttpsMetadata", "false");
        builder.UseSetting("AdminUi:Oidc:DisplayName", "Test provider");
    }
}
