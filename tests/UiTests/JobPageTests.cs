using DagMaster.UiTests.Infrastructure;
using Microsoft.Playwright;

namespace DagMaster.UiTests;

public sealed class JobPageTests(UiAppFixture app)
{
    [Fact]
    public async Task FanOutJob_WhileOpen_UpdatesToCompletedWithoutReloadAndDrawsTheGroup()
    {
        await using var session = await app.NewSessionAsync();
        await session.LoginAsync(UiAppFixture.OperatorName, UiAppFixture.OperatorPassword);
        var jobId = await JobsApi.SubmitAsync(app, "fan_out_test", new { item_list = new[] { "alpha", "bravo", "charlie" } });

        await session.GotoAsync($"/ui/jobs/{jobId}");
        // A marker on the window survives only if the page is never reloaded.
        await session.Page.EvaluateAsync("window.__notReloaded = true");
        var live = session.Page.Locator("#job-live");

        await Assertions.Expect(live).ToHaveAttributeAsync("data-status", "completed", new LocatorAssertionsToHaveAttributeOptions { Timeout = 60_000 });

        (await session.Page.EvaluateAsync<bool>("window.__notReloaded === true")).ShouldBeTrue();
        var group = session.Page.Locator("svg.dag g.node[data-node-id='split']");
        await Assertions.Expect(group).ToHaveAttributeAsync("data-children-total", "3");
        await Assertions.Expect(group).ToHaveAttributeAsync("data-children-completed", "3");
        await Assertions.Expect(group.Locator("text.sub")).ToContainTextAsync("3/3 done");
        await Assertions.Expect(group.Locator("text.counts")).ToContainTextAsync("0 running · 0 failed");
        (await session.Page.Locator("svg.dag g.node").CountAsync()).ShouldBe(5); // start, prepare, split (one group), aggregate, end
        await Assertions.Expect(session.Page.Locator("svg.dag g.node[data-node-id='aggregate']")).ToHaveAttributeAsync("data-status", "completed");
        await Assertions.Expect(session.Page.Locator("svg.gantt g.bar[data-node-id='split']")).ToHaveCountAsync(1);
        await Assertions.Expect(session.Page.Locator("table.events")).ToContainTextAsync("job_completed");
        await session.ScreenshotAsync("job-fan-out");
        session.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task RunningJob_WhileOpen_TurnsCompletedThroughLiveRefresh()
    {
        await using var session = await app.NewSessionAsync();
        await session.LoginAsync(UiAppFixture.OperatorName, UiAppFixture.OperatorPassword);
        var jobId = await JobsApi.SubmitAsync(app, "sleep", new { seconds = 3 });
        await JobsApi.WaitForRunningNodeAsync(app, jobId, "nap");
        await session.GotoAsync($"/ui/jobs/{jobId}");
        await Assertions.Expect(session.Page.Locator("#job-live")).ToHaveAttributeAsync("data-status", "running");
        await session.Page.EvaluateAsync("""
            window.__notReloaded = true;
            window.__swaps = 0;
            document.body.addEventListener("htmx:afterSwap", () => window.__swaps++);
            """);

        await Assertions.Expect(session.Page.Locator("#job-live")).ToHaveAttributeAsync("data-status", "completed", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });

        (await session.Page.EvaluateAsync<bool>("window.__notReloaded === true")).ShouldBeTrue();
        (await session.Page.EvaluateAsync<int>("window.__swaps")).ShouldBeGreaterThan(0);
        await Assertions.Expect(session.Page.Locator("svg.dag g.node[data-node-id='nap']")).ToHaveAttributeAsync("data-status", "completed");
        // A finished job's page stops polling: its live region carries no trigger any more.
        (await session.Page.Locator("#job-live").GetAttributeAsync("hx-trigger")).ShouldBeNull();
        session.ShouldHaveNoErrors();
    }

    [Fact]
    public async Task RunningSleepJob_CancelFromItsPage_EndsCancelled()
    {
        await using var session = await app.NewSessionAsync();
        await session.LoginAsync(UiAppFixture.OperatorName, UiAppFixture.OperatorPassword);
        var jobId = await JobsApi.SubmitAsync(app, "sleep", new { seconds = 120 });
        await JobsApi.WaitForRunningNodeAsync(app, jobId, "nap");
        await session.GotoAsync($"/ui/jobs/{jobId}");
        await Assertions.Expect(session.Page.Locator("#job-live")).ToHaveAttributeAsync("data-status", "running");
        await session.ScreenshotAsync("job-running");

        await session.Page.ClickAsync("#cancel-job");

        await Assertions.Expect(session.Page.Locator("#job-live")).ToHaveAttributeAsync("data-status", "cancelled");
        session.Dialogs.ShouldContain(m => m.StartsWith("Cancel this job?", StringComparison.Ordinal));
        await Assertions.Expect(session.Page.Locator(".flash.ok")).ToHaveTextAsync("Job cancelled.");
        (await JobsApi.StatusAsync(app, jobId)).ShouldBe("cancelled");
        await Assertions.Expect(session.Page.Locator("#cancel-job")).ToHaveCountAsync(0);

        // Retry from the same page: the cancelled node runs again.
        await session.Page.ClickAsync("#retry-job");
        await Assertions.Expect(session.Page.Locator(".flash.ok")).ToContainTextAsync("Job retried");
        await Assertions.Expect(session.Page.Locator("#job-live")).ToHaveAttributeAsync("data-status", "running");
        await Assertions.Expect(session.Page.Locator("#cancel-job")).ToHaveCountAsync(1);
        session.Dialogs.ShouldContain(m => m.StartsWith("Retry this job?", StringComparison.Ordinal));
        session.ShouldHaveNoErrors();
        await JobsApi.CancelAsync(app, jobId);
    }

    [Fact]
    public async Task JobList_CancelSelected_CancelsTheCheckedJobsOnly()
    {
        await using var session = await app.NewSessionAsync();
        await session.LoginAsync(UiAppFixture.OperatorName, UiAppFixture.OperatorPassword);
        var chosen = await JobsApi.SubmitAsync(app, "sleep", new { seconds = 120 }, correlationId: "bulk-test");
        var other = await JobsApi.SubmitAsync(app, "sleep", new { seconds = 120 }, correlationId: "bulk-test");
        await session.GotoAsync("/ui/jobs?correlation_id=bulk-test");

        await session.Page.CheckAsync($"input[name=ids][value='{chosen}']");
        await session.Page.ClickAsync("button[formaction='/ui/jobs/cancel']");

        await Assertions.Expect(session.Page.Locator(".flash.ok")).ToHaveTextAsync("1 of 1 job(s) cancelled.");
        session.Page.Url.ShouldContain("correlation_id=bulk-test");
        (await JobsApi.StatusAsync(app, chosen)).ShouldBe("cancelled");
        (await JobsApi.StatusAsync(app, other)).ShouldNotBe("cancelled");
        session.ShouldHaveNoErrors();
        await JobsApi.CancelAsync(app, other);
    }

    [Fact]
    public async Task ScriptInInputsAndOutputs_IsShownAsText()
    {
        const string payload = "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\">";
        await using var session = await app.NewSessionAsync();
        await session.LoginAsync(UiAppFixture.OperatorName, UiAppFixture.OperatorPassword);
        var jobId = await JobsApi.SubmitAsync(app, "echo_test", new { message = payload }, correlationId: "<b>corr</b>");
        await session.GotoAsync($"/ui/jobs/{jobId}");
        await Assertions.Expect(session.Page.Locator("#job-live")).ToHaveAttributeAsync("data-status", "completed", new LocatorAssertionsToHaveAttributeOptions { Timeout = 60_000 });
        await session.Page.Locator("tr[data-node-row='echo_handler'] details summary").ClickAsync();

        // The echo handler returns its params: the payload is in the inputs and in the node's output.
        var shownAsText = await session.Page.Locator("pre.json").AllTextContentsAsync();
        shownAsText.Count(t => t.Contains(payload.Replace("\"", "\\\""), StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(3); // inputs, params, output
        (await session.Page.EvaluateAsync<bool>("window.__xss === undefined")).ShouldBeTrue();
        (await session.Page.Locator("img[src=x]").CountAsync()).ShouldBe(0);
        (await session.Page.Locator("script").CountAsync()).ShouldBe(2); // htmx and app.js only
        (await session.Page.Locator("b", new PageLocatorOptions { HasText = "corr" }).CountAsync()).ShouldBe(0);

        await session.GotoAsync($"/ui/jobs?correlation_id={Uri.EscapeDataString("<b>corr</b>")}");
        await Assertions.Expect(session.Page.Locator("table.jobs tbody")).ToContainTextAsync("<b>corr</b>");
        (await session.Page.Locator("table.jobs b").CountAsync()).ShouldBe(0);
        session.ShouldHaveNoErrors();
    }
}
