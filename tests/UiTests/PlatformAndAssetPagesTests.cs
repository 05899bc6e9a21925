using System.Net;
using DagMaster.UiTests.Infrastructure;
using Microsoft.Playwright;

namespace DagMaster.UiTests;

/// <summary>The registry and asset pages with their operator actions, driven in the browser against the real host.</summary>
public sealed class PlatformAndAssetPagesTests(UiAppFixture app)
{
    private const string Script = "<script>alert('x')</script>";

    [Fact]
    public async Task PlatformPage_CreateKey_ShowsTheSecretOnceAndRevokeMakesTheApiRefuseIt()
    {
        await PlatformsApi.CreatePlatformAsync(app, "ui-keys", $"{Script} Keys", $"desc {Script}");
        await using var session = await app.NewSessionAsync();
        await session.LoginAsync(UiAppFixture.OperatorName, UiAppFixture.OperatorPassword);

        await session.GotoAsync("/ui/platforms");
        await Assertions.Expect(session.Page.Locator("tr[data-platform-id='ui-keys']")).ToContainTextAsync($"{Script} Keys");
        await session.ScreenshotAsync("platforms");
        await session.GotoAsync("/ui/platforms/ui-keys");
        await Assertions.Expect(session.Page.Locator("h1")).ToContainTextAsync($"{Script} Keys");
        await session.Page.FillAsync("form.key-form input[name=name]", "ui key");
        await session.Page.ClickAsync("#create-key");

        var secret = (await session.Page.Locator("#api-key-secret").TextContentAsync())!.Trim();
        secret.ShouldStartWith("dm_ui-keys_");
        await Assertions.Expect(session.Page.Locator(".flash.warn")).ToContainTextAsync("shown only on this page");
        await session.ScreenshotAsync("platform-key-created");
        (await PlatformsApi.ListPlatformsStatusAsync(app, secret)).ShouldBe(HttpStatusCode.OK);

        await session.GotoAsync("/ui/platforms/ui-keys");
        (await session.Page.ContentAsync()).ShouldNotContain(secret);
        var row = session.Page.Locator("#api-keys tr", new PageLocatorOptions { HasText = "ui key" });
        // The stored prefix: the platform's part and 8 of the random characters (which may include '_'), never more.
        await Assertions.Expect(row).ToContainTextAsync(secret[..("dm_ui-keys_".Length + 8)]);
        await Assertions.Expect(row).Not.ToContainTextAsync(secret[..("dm_ui-keys_".Length + 9)]);
        await session.ScreenshotAsync("platform");
        await row.Locator("button", new LocatorLocatorOptions { HasText = "Revoke" }).ClickAsync();

        await Assertions.Expect(session.Page.Locator(".flash.ok")).ToContainTextAsync("API key revoked");
        await Assertions.Expect(session.Page.Locator("#api-keys tr", new PageLocatorOptions { HasText = "ui key" })).ToContainTextAsync("revoked");
        (await PlatformsApi.ListPlatformsStatusAsync(app, secret)).ShouldBe(HttpStatusCode.Unauthorized);
        session.Dialogs.ShouldNotContain("x"); // the value's script never ran
        session.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task PlatformPage_Deactivate_RefusesItsKeysUntilActivatedAgain()
    {
        await PlatformsApi.CreatePlatformAsync(app, "ui-switch", "Switch");
        var key = await PlatformsApi.CreateKeyAsync(app, "ui-switch");
        await using var session = await app.NewSessionAsync();
        await session.LoginAsync(UiAppFixture.OperatorName, UiAppFixture.OperatorPassword);
        await session.GotoAsync("/ui/platforms/ui-switch");

        await session.Page.ClickAsync("#toggle-active");
        await Assertions.Expect(session.Page.Locator(".page-head .badge")).ToHaveTextAsync("inactive");
        var whileInactive = await PlatformsApi.ListPlatformsStatusAsync(app, key);
        await session.Page.ClickAsync("#toggle-active");

        await Assertions.Expect(session.Page.Locator(".page-head .badge")).ToHaveTextAsync("active");
        whileInactive.ShouldBe(HttpStatusCode.Unauthorized);
        (await PlatformsApi.ListPlatformsStatusAsync(app, key)).ShouldBe(HttpStatusCode.OK);
        session.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task AssetPage_OfASubmission_ShowsItsRevisionAndApprovesFromThePage()
    {
        await PlatformsApi.CreatePlatformAsync(app, "ui-assets", "Assets");
        var key = await PlatformsApi.CreateKeyAsync(app, "ui-assets");
        var assetId = await PlatformsApi.SubmitAndWaitAsync(app, key, "ui-assets", "ui-r1", Script, "V1");
        await using var session = await app.NewSessionAsync();
        await session.LoginAsync(UiAppFixture.OperatorName, UiAppFixture.OperatorPassword);

        await session.GotoAsync("/ui/assets?platform_id=ui-assets&approval_state=pending_review");
        await Assertions.Expect(session.Page.Locator($"tr[data-asset-id='{assetId}']")).ToContainTextAsync(Script);
        await session.ScreenshotAsync("assets");
        await session.GotoAsync("/ui/assets?q=res-1&clearance=uncleared");
        await Assertions.Expect(session.Page.Locator($"tr[data-asset-id='{assetId}']")).ToHaveCountAsync(1);
        await session.GotoAsync($"/ui/assets/{assetId}");
        var version = session.Page.Locator(".version[data-version='0']");
        await Assertions.Expect(version.Locator(".badge").First).ToHaveTextAsync("pending_review");
        var revision = version.Locator("tr[data-revision='1']");
        await Assertions.Expect(revision).ToContainTextAsync("completed");
        await Assertions.Expect(revision).ToContainTextAsync("ui-r1");
        (await revision.Locator("a[href^='/ui/jobs/']").CountAsync()).ShouldBe(1);
        await Assertions.Expect(version.Locator("pre.json")).ToContainTextAsync("https://blobs.example/ui-r1.tif");
        await Assertions.Expect(session.Page.Locator("#history")).ToContainTextAsync("revision_ended");

        await version.Locator(".reject-version").ClickAsync(); // no reason: refused with a readable message
        await Assertions.Expect(session.Page.Locator(".flash.error")).ToContainTextAsync("'reason' is required");
        await session.Page.Locator(".version[data-version='0'] .approve-version").ClickAsync();

        await Assertions.Expect(session.Page.Locator(".flash.ok")).ToContainTextAsync("Version 0 approved.");
        await Assertions.Expect(session.Page.Locator(".version[data-version='0'] .badge").First).ToHaveTextAsync("approved");
        (await PlatformsApi.AssetAsync(app, assetId)).GetProperty("versions")[0].GetProperty("approval_state").GetString().ShouldBe("approved");
        await session.Page.SelectOptionAsync("select[name=clearance]", "ouo");
        await session.Page.ClickAsync("#set-clearance");
        await Assertions.Expect(session.Page.Locator(".flash.ok")).ToContainTextAsync("Clearance set to ouo.");
        (await PlatformsApi.AssetAsync(app, assetId)).GetProperty("clearance").GetString().ShouldBe("ouo");
        await session.ScreenshotAsync("asset");
        session.Dialogs.ShouldNotContain("x");
        session.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task AssetAndPlatformPages_ForAViewer_ShowNoActionsAndRefuseTheirPosts()
    {
        await PlatformsApi.CreatePlatformAsync(app, "ui-viewer", "Viewer");
        var key = await PlatformsApi.CreateKeyAsync(app, "ui-viewer");
        var assetId = await PlatformsApi.SubmitAndWaitAsync(app, key, "ui-viewer", "ui-v1", "ds-viewer", "V1");
        await using var session = await app.NewSessionAsync();
        await session.LoginAsync(UiAppFixture.ViewerName, UiAppFixture.ViewerPassword);

        await session.GotoAsync($"/ui/assets/{assetId}");
        (await session.Page.Locator("main form").CountAsync()).ShouldBe(0);
        await session.GotoAsync("/ui/platforms/ui-viewer");
        (await session.Page.Locator("main form").CountAsync()).ShouldBe(0);
        var token = await session.Page.Locator("form[action='/ui/logout'] input[name=__RequestVerificationToken]").GetAttributeAsync("value");
        var form = session.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token!);
        var approve = await session.Page.APIRequest.PostAsync($"/ui/assets/{assetId}/versions/0/approve", new APIRequestContextOptions { Form = form, MaxRedirects = 0 });
        var createKey = await session.Page.APIRequest.PostAsync("/ui/platforms/ui-viewer/keys", new APIRequestContextOptions { Form = form, MaxRedirects = 0 });

        approve.Status.ShouldBe(403);
        createKey.Status.ShouldBe(403);
        (await PlatformsApi.AssetAsync(app, assetId)).GetProperty("versions")[0].GetProperty("approval_state").GetString().ShouldBe("pending_review");
        session.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task UnknownPlatformAndAsset_ShowNotFound_AndABadFilterShowsTheProblem()
    {
        await using var session = await app.NewSessionAsync();
        await session.LoginAsync(UiAppFixture.OperatorName, UiAppFixture.OperatorPassword);

        var platform = await session.Page.GotoAsync("/ui/platforms/no-such-platform");
        var asset = await session.Page.GotoAsync("/ui/assets/nosuchasset");
        var filter = await session.Page.GotoAsync("/ui/assets?approval_state=maybe");

        platform!.Status.ShouldBe(404);
        asset!.Status.ShouldBe(404);
        filter!.Status.ShouldBe(422);
        await Assertions.Expect(session.Page.Locator(".flash.error")).ToContainTextAsync("'approval_state' must be one of");
    }
}
