using DagMaster.UiTests.Infrastructure;
using Microsoft.Playwright;

namespace DagMaster.UiTests;

public sealed class PagesTests(UiAppFixture app)
{
    [Fact]
    public async Task EveryPage_AfterLogin_RendersWithoutConsoleErrors()
    {
        var jobId = await JobsApi.SubmitAsync(app, "fan_out_test", new { item_list = new[] { "a", "b" } });
        await using var session = await app.NewSessionAsync();
        await session.LoginAsync(UiAppFixture.OperatorName, UiAppFixture.OperatorPassword);

        await session.GotoAsync("/ui/");
        await Assertions.Expect(session.Page.Locator("h1")).ToHaveTextAsync("Dashboard");
        await Assertions.Expect(session.Page.Locator(".tile[data-status-count='completed'], .tile[data-status-count='running'], .tile[data-status-count='pending']")).ToHaveCountAsync(3);
        await session.ScreenshotAsync("dashboard");

        await session.GotoAsync("/ui/jobs");
        await Assertions.Expect(session.Page.Locator($"tr[data-job-id='{jobId}']")).ToHaveCountAsync(1);
        await session.GotoAsync("/ui/jobs?status=completed&limit=25");
        await session.GotoAsync($"/ui/jobs/{jobId}");
        await session.GotoAsync("/ui/workflows");
        await Assertions.Expect(session.Page.Locator("a[href='/ui/workflows/fan_out_test']")).ToHaveCountAsync(1);
        await session.GotoAsync("/ui/workflows/fan_out_test");
        await Assertions.Expect(session.Page.Locator("pre.yaml")).ToContainTextAsync("workflow_id: fan_out_test");
        await Assertions.Expect(session.Page.Locator("svg.dag g.node[data-node-id='split']")).ToHaveCountAsync(1);
        await session.GotoAsync("/ui/workflows/raster_ingest");
        await session.ScreenshotAsync("workflow-raster-ingest");
        await session.GotoAsync("/ui/platforms");
        await session.GotoAsync("/ui/assets");
        await session.GotoAsync("/ui/health");
        await Assertions.Expect(session.Page.Locator("tr[data-check='database']")).ToContainTextAsync("ok");
        await Assertions.Expect(session.Page.Locator("tr[data-check='retention']")).ToContainTextAsync("RETENTION_DAYS=0");
        var self = session.Page.Locator("#instances tr[data-instance-id]", new PageLocatorOptions { HasText = "this one" });
        await Assertions.Expect(self).ToHaveCountAsync(1);
        await Assertions.Expect(self).ToContainTextAsync(Environment.MachineName);
        await Assertions.Expect(self.Locator(".badge")).ToHaveTextAsync("live");
        await session.ScreenshotAsync("health");

        session.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task UnknownJobAndWorkflow_ShowNotFound()
    {
        await using var session = await app.NewSessionAsync();
        await session.LoginAsync(UiAppFixture.OperatorName, UiAppFixture.OperatorPassword);

        var job = await session.Page.GotoAsync($"/ui/jobs/{Guid.NewGuid()}");
        var workflow = await session.Page.GotoAsync("/ui/workflows/no_such_workflow");

        job!.Status.ShouldBe(404);
        workflow!.Status.ShouldBe(404);
        await Assertions.Expect(session.Page.Locator("h1")).ToHaveTextAsync("Not found");
    }

    [Fact]
    public async Task JobList_WithABadDate_ShowsTheProblem()
    {
        await using var session = await app.NewSessionAsync();
        await session.LoginAsync(UiAppFixture.OperatorName, UiAppFixture.OperatorPassword);

        var response = await session.Page.GotoAsync("/ui/jobs?created_after=yesterday-ish");

        response!.Status.ShouldBe(422);
        await Assertions.Expect(session.Page.Locator(".flash.error")).ToContainTextAsync("'created after' is not a date and time");
    }
}
