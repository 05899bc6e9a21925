using DagMaster.UiTests.Infrastructure;
using Microsoft.Playwright;

namespace DagMaster.UiTests;

/// <summary>
/// OpenID Connect sign-in, for real: a host configured with <c>AdminUi:Oidc:*</c> against a provider started in the
/// test on loopback, driven by the browser through the code flow with PKCE.
/// </summary>
public sealed class OidcSignInTests(UiAppFixture app) : IAsyncLifetime
{
    private FakeOpenIdProvider _provider = null!;
    private OidcHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _provider = await FakeOpenIdProvider.StartAsync();
        _host = new OidcHost(app, _provider);
    }

    [Fact]
    public async Task OidcLogin_WhenTokenHasOperatorRole_ReachesOperatorPageSignedInAsOperator()
    {
        _provider.NextUser = ("alice", ["operator"]);
        await using var session = await BrowserSession.OpenAsync(app.Browser, _host.ServerAddress);

        var response = await session.Page.GotoAsync("/ui/platforms");

        response!.Status.ShouldBe(200);
        session.Page.Url.ShouldStartWith(_host.ServerAddress.ToString().TrimEnd('/') + "/ui/platforms");
        await Assertions.Expect(session.Page.Locator("h1")).ToHaveTextAsync("Platforms");
        await Assertions.Expect(session.Page.Locator(".who .user")).ToHaveTextAsync("alice");
        await Assertions.Expect(session.Page.Locator(".who .role")).ToHaveTextAsync("operator");
        _provider.PkceAuthorizations.ShouldBeGreaterThanOrEqualTo(1);
        _provider.VerifiedExchanges.ShouldBeGreaterThanOrEqualTo(1);
        var cookie = (await session.Context.CookiesAsync()).Single(c => c.Name == "DagMaster.Ui");
        cookie.HttpOnly.ShouldBeTrue();
        session.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task OidcLogin_WhenTokenHasNoKnownRole_ShowsAccessDeniedAndCreatesNoSession()
    {
        _provider.NextUser = ("mallory", ["reader", "admin"]);
        await using var session = await BrowserSession.OpenAsync(app.Browser, _host.ServerAddress);

        var response = await session.Page.GotoAsync("/ui/jobs");

        response!.Status.ShouldBe(403);
        session.Page.Url.ShouldContain("/ui/access-denied");
        await Assertions.Expect(session.Page.Locator("#access-denied")).ToContainTextAsync("neither");
        (await session.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "DagMaster.Ui");
    }

    [Fact]
    public async Task OidcLogout_WhenSignedInThroughProvider_EndsBothSessionsAndShowsTheLoginPage()
    {
        _provider.NextUser = ("victor", ["viewer"]);
        await using var session = await BrowserSession.OpenAsync(app.Browser, _host.ServerAddress);
        await session.Page.GotoAsync("/ui/");
        await Assertions.Expect(session.Page.Locator(".who .role")).ToHaveTextAsync("viewer");
        var signOutsBefore = _provider.SignOuts;

        await session.Page.ClickAsync(".who button[type=submit]");
        await session.WaitForAddressAsync(url => url.Contains("/ui/login", StringComparison.Ordinal), "logout to show the login page");

        _provider.SignOuts.ShouldBe(signOutsBefore + 1);
        await Assertions.Expect(session.Page.Locator("#sign-in-provider")).ToHaveTextAsync("Sign in with Test provider");
        (await session.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "DagMaster.Ui");
        session.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Login_WhenOnlyOidcIsConfigured_RedirectsToTheProviderWithPkce()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.ServerAddress };

        using var login = await client.GetAsync("/ui/login", TestContext.Current.CancellationToken);

        ((int)login.StatusCode).ShouldBe(302);
        login.Headers.Location!.ToString().ShouldStartWith(_provider.Issuer + "/authorize");
        login.Headers.Location.Query.ShouldContain("code_challenge_method=S256");
        login.Headers.Location.Query.ShouldContain("response_type=code");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
