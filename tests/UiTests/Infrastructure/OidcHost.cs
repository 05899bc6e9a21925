using DagMaster.TestSupport;

namespace DagMaster.UiTests.Infrastructure;

/// <summary>A second DagMaster host on the UI tests' database whose admin pages sign in only through a <see cref="FakeOpenIdProvider"/>.</summary>
public sealed class OidcHost : KestrelHost<Program>
{
    private readonly UiAppFixture _primary;
    private readonly FakeOpenIdProvider _provider;

    public OidcHost(UiAppFixture primary, FakeOpenIdProvider provider)
        : base(operatorClients: false)
    {
        _primary = primary;
        _provider = provider;
        StartServer();
    }

    protected override Dictionary<string, string> Settings()
    {
        var settings = TestHostSettings.InProcess(_primary.ConnectionString, _primary.WorkflowsDirectory);
        settings["WEBHOOK_WORKERS"] = "0";
        settings["AdminUi:Oidc:Authority"] = _provider.Issuer;
        settings["AdminUi:Oidc:ClientId"] = FakeOpenIdProvider.ClientId;
        settings["AdminUi:Oidc:ClientSecret"] = "test-client-secret";
        settings["AdminUi:Oidc:RequireHttpsMetadata"] = "false";
        settings["AdminUi:Oidc:DisplayName"] = "Test provider";
        return settings;
    }
}
