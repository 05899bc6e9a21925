using System.Net;
using DagMaster.UiTests.Infrastructure;
using Microsoft.Playwright;

namespace DagMaster.UiTests;

/// <summary>Two instances behind one address: the Data Protection key ring lives in PostgreSQL, so each accepts the other's cookies and tokens.</summary>
public sealed class KeyRingTests(UiAppFixture app)
{
    [Fact]
    public async Task SecondInstance_WithALoginAndAFormFromTheFirst_AcceptsBoth()
    {
        await using var second = new PeerHost(app);
        await using var session = await app.NewSessionAsync();
        await session.LoginAsync(UiAppFixture.OperatorName, UiAppFixture.OperatorPassword);

        // The session cookie the first instance made opens a page on the second (cookies are per host, not per port).
        var page = await session.Page.GotoAsync(new Uri(second.ServerAddress, "ui/jobs").ToString());
        page!.Status.ShouldBe(200);
        session.Page.Url.ShouldNotContain("/ui/login");

        // A form the first instance rendered is posted to the second: its anti-forgery token must be accepted.
        await session.GotoAsync("/ui/jobs");
        var token = await session.Page.Locator("form[action='/ui/logout'] input[name=__RequestVerificationToken]").GetAttributeAsync("value");
        token.ShouldNotBeNullOrEmpty();
        var answer = await session.Context.APIRequest.PostAsync(new Uri(second.ServerAddress, "ui/logout").ToString(), new APIRequestContextOptions
        {
            Form = session.Context.APIRequest.CreateFormData().Set("__RequestVerificationToken", token),
            MaxRedirects = 0,
        });
        answer.Status.ShouldBe((int)HttpStatusCode.Redirect, await answer.TextAsync());
        answer.Headers["location"].ShouldContain("/ui/login");

        // The keys are in the database, where every instance (and every restart) finds them.
        (await app.ScalarAsync("SELECT count(*) FROM dagmaster.data_protection_keys")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task LoginPage_BehindATlsProxy_SetsSecureCookies()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.ServerAddress };
        using var direct = await client.GetAsync("/ui/login", TestContext.Current.CancellationToken);
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/ui/login");
        forwarded.Headers.Add("X-Forwarded-Proto", "https");
        using var proxied = await client.SendAsync(forwarded, TestContext.Current.CancellationToken);

        Cookie(direct, "DagMaster.Ui.Antiforgery").ShouldNotContain("secure", Case.Insensitive);
        Cookie(proxied, "DagMaster.Ui.Antiforgery").ShouldContain("secure", Case.Insensitive);
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).SingleOrDefault(c => c.StartsWith(name + "=", StringComparison.Ordinal))
            ?? throw new ShouldAssertException($"no {name} cookie in the answer {(int)response.StatusCode}: {response.Headers}");
}
