using System.Net;
using DagMaster.UiTests.Infrastructure;
using Microsoft.Playwright;

namespace DagMaster.UiTests;

public sealed class AuthenticationTests(UiAppFixture app)
{
    [Theory]
    [InlineData("/ui/")]
    [InlineData("/ui/jobs")]
    [InlineData("/ui/workflows")]
    [InlineData("/ui/health")]
    public async Task Page_WhenNotSignedIn_RedirectsToLogin(string path)
    {
        using var client = NoRedirectClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/ui/login?ReturnUrl=");
    }

    [Fact]
    public async Task Post_WhenNotSignedIn_IsRefusedAndChangesNothing()
    {
        var jobId = await JobsApi.SubmitAsync(app, "sleep", new { seconds = 60 });
        using var client = NoRedirectClient();

        using var response = await client.PostAsync($"/ui/jobs/{jobId}/cancel", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await JobsApi.StatusAsync(app, jobId)).ShouldNotBe("cancelled");
        await JobsApi.CancelAsync(app, jobId);
    }

    [Fact]
    public async Task Login_WithWrongPassword_StaysOnLoginWithAMessage()
    {
        await using var session = await app.NewSessionAsync();
        await session.Page.GotoAsync("/ui/login");
        await session.Page.FillAsync("input[name=name]", UiAppFixture.OperatorName);
        await session.Page.FillAsync("input[name=password]", "not the password");

        await session.Page.ClickAsync("form button[type=submit]");

        await Assertions.Expect(session.Page.Locator(".flash.error")).ToHaveTextAsync("Unknown name or wrong password.");
        session.Page.Url.ShouldContain("/ui/login");
        (await session.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "DagMaster.Ui");
    }

    [Fact]
    public async Task Pages_Always_SendSecurityHeaders()
    {
        using var client = NoRedirectClient();

        using var response = await client.GetAsync("/ui/login", TestContext.Current.CancellationToken);

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("script-src 'self'");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Server-Timing").Single().ShouldStartWith("app;dur=");
    }

    [Fact]
    public async Task Viewer_OnARunningJob_SeesNoCancelButtonAndItsPostIsRefused()
    {
        var jobId = await JobsApi.SubmitAsync(app, "sleep", new { seconds = 60 });
        await JobsApi.WaitForRunningNodeAsync(app, jobId, "nap");
        await using var session = await app.NewSessionAsync();
        await session.LoginAsync(UiAppFixture.ViewerName, UiAppFixture.ViewerPassword);

        await session.GotoAsync($"/ui/jobs/{jobId}");
        await Assertions.Expect(session.Page.Locator("#job-live")).ToHaveAttributeAsync("data-status", "running");
        (await session.Page.Locator("#cancel-job").CountAsync()).ShouldBe(0);

        // A viewer's valid anti-forgery token (from the sign-out form) still does not let the POST through.
        var token = await session.Page.Locator("form[action='/ui/logout'] input[name=__RequestVerificationToken]").GetAttributeAsync("value");
        token.ShouldNotBeNullOrEmpty();
        var form = session.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token);
        var response = await session.Page.APIRequest.PostAsync($"/ui/jobs/{jobId}/cancel", new APIRequestContextOptions { Form = form, MaxRedirects = 0 });

        response.Status.ShouldBe(403);
        (await JobsApi.StatusAsync(app, jobId)).ShouldBe("running");
        session.ShouldHaveNoErrors();
        await JobsApi.CancelAsync(app, jobId);
    }

    [Fact]
    public async Task Logout_WhenSignedIn_EndsTheSessionAndPagesRedirectToLoginAgain()
    {
        await using var session = await app.NewSessionAsync();
        await session.LoginAsync(UiAppFixture.ViewerName, UiAppFixture.ViewerPassword);

        await session.Page.ClickAsync(".who button[type=submit]");
        await session.WaitForAddressAsync(url => url.EndsWith("/ui/login", StringComparison.Ordinal), "logout to show the login page");
        await session.Page.GotoAsync("/ui/jobs");

        session.Page.Url.ShouldContain("/ui/login?ReturnUrl=");
        (await session.Context.CookiesAsync()).ShouldNotContain(c => c.Name == "DagMaster.Ui");
        session.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task Operator_PostWithoutAntiforgeryToken_IsRefused()
    {
        var jobId = await JobsApi.SubmitAsync(app, "sleep", new { seconds = 60 });
        await using var session = await app.NewSessionAsync();
        await session.LoginAsync(UiAppFixture.OperatorName, UiAppFixture.OperatorPassword);

        var response = await session.Page.APIRequest.PostAsync(
            $"/ui/jobs/{jobId}/cancel", new APIRequestContextOptions { Form = session.Context.APIRequest.CreateFormData(), MaxRedirects = 0 });

        response.Status.ShouldBe(400);
        (await JobsApi.StatusAsync(app, jobId)).ShouldNotBe("cancelled");
        await JobsApi.CancelAsync(app, jobId);
    }

    private HttpClient NoRedirectClient() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.ServerAddress };
}
