using System.Net;
using System.Net.Http.Json;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Platforms;

/// <summary>A platform key submits what its registry entry grants: its workflows, up to its priority ceiling, up to its running jobs.</summary>
public sealed class TenantLimitsTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> SubmitJobAsync(HttpClient client, string workflowId, int? priority = null) =>
        client.PostAsJsonAsync("/api/v1/jobs", new { workflow_id = workflowId, inputs = new { message = "m" }, priority }, Ct);

    private async Task UpdatePlatformAsync(string platformId, object grants)
    {
        var current = await (await Client.GetAsync($"/api/v1/platforms/{platformId}", Ct)).ReadJsonAsync(200);
        var body = new Dictionary<string, object?>
        {
            ["display_name"] = current.GetProperty("display_name").GetString(),
            ["required_refs"] = current.GetProperty("required_refs"),
            ["optional_refs"] = current.GetProperty("optional_refs"),
            ["version_ref"] = current.GetProperty("version_ref").GetString(),
            ["workflows"] = current.GetProperty("workflows"),
        };
        foreach (var property in grants.GetType().GetProperties())
        {
            body[property.Name] = property.GetValue(grants);
        }

        await (await Client.PutAsJsonAsync($"/api/v1/platforms/{platformId}", body, Ct)).ReadJsonAsync(200);
    }

    [Fact]
    public async Task SubmitJob_WhenPlatformKeyAsksForAWorkflowItsKindsDoNotMap_Returns403UntilAnOperatorAllowsIt()
    {
        await new B2BApi(App, Client).CreatePlatformAsync("limhub");
        var (platform, _) = await new B2BApi(App, Client).KeyClientAsync("limhub");

        var problem = await (await SubmitJobAsync(platform, "echo_test")).ReadProblemAsync(403);
        problem.GetProperty("detail").GetString()!.ShouldContain("'echo_test' is not one of them");
        (await SubmitJobAsync(platform, B2BApi.WorkflowId)).StatusCode.ShouldBe(HttpStatusCode.Created, "the workflow its kind maps to");

        await UpdatePlatformAsync("limhub", new { allowed_workflows = new[] { "echo_test" } });
        (await SubmitJobAsync(platform, "echo_test")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await SubmitJobAsync(Client, "hello_world")).StatusCode.ShouldBe(HttpStatusCode.Created, "operators are not limited");
    }

    [Fact]
    public async Task SubmitJob_WhenPlatformKeyAsksAboveThePriorityCeiling_Returns422UntilAnOperatorRaisesIt()
    {
        await new B2BApi(App, Client).CreatePlatformAsync("prihub");
        var (platform, _) = await new B2BApi(App, Client).KeyClientAsync("prihub");

        var problem = await (await SubmitJobAsync(platform, B2BApi.WorkflowId, priority: 9)).ReadProblemAsync(422);
        problem.GetProperty("errors").GetProperty("priority")[0].GetString().ShouldBe("platform 'prihub' may submit jobs with a priority of at most 5");
        var submission = await (await B2BApi.SubmitAsync(platform, "prihub", new
        {
            kind = "raster",
            refs = new { dataset_id = "d", resource_id = "r" },
            inputs = new { message = "m" },
            priority = 6,
        })).ReadProblemAsync(422);
        submission.GetProperty("errors").TryGetProperty("priority", out _).ShouldBeTrue();
        (await SubmitJobAsync(platform, B2BApi.WorkflowId, priority: 5)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await UpdatePlatformAsync("prihub", new { max_priority = 9 });
        (await SubmitJobAsync(platform, B2BApi.WorkflowId, priority: 9)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task SubmitJob_WhenPlatformHasItsRunningJobsLimit_Returns429WithRetryAfterAndOperatorsStillSubmit()
    {
        await new B2BApi(App, Client).CreatePlatformAsync("busyhub");
        await UpdatePlatformAsync("busyhub", new { max_running_jobs = 2 });
        var (platform, _) = await new B2BApi(App, Client).KeyClientAsync("busyhub");

        // No worker runs: the jobs stay running.
        (await SubmitJobAsync(platform, B2BApi.WorkflowId)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await B2BApi.SubmitAsync(platform, "busyhub", new { kind = "raster", refs = new { dataset_id = "d", resource_id = "r" }, inputs = new { message = "m" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var refused = await SubmitJobAsync(platform, B2BApi.WorkflowId);
        var problem = await refused.ReadProblemAsync(429);
        problem.GetProperty("type").GetString().ShouldBe("https://dagmaster.dev/problems/too-many-requests");
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        (await B2BApi.SubmitAsync(platform, "busyhub", new { kind = "raster", refs = new { dataset_id = "d2", resource_id = "r" }, inputs = new { message = "m" } }))
            .StatusCode.ShouldBe((HttpStatusCode)429);
        (await B2BApi.SubmitAsync(Client, "busyhub", new { kind = "raster", refs = new { dataset_id = "d3", resource_id = "r" }, inputs = new { message = "m" } }))
            .StatusCode.ShouldBe(HttpStatusCode.Accepted, "an operator's submission is not limited");

        var jobs = await (await platform.GetAsync("/api/v1/jobs", Ct)).ReadJsonAsync(200);
        jobs.GetProperty("items").GetArrayLength().ShouldBe(3, "the refused submissions created nothing");
    }

    [Fact]
    public async Task FanOut_WhenSourceHasMoreItemsThanFanOutMaxChildren_FailsTheJobWithoutCreatingAChild()
    {
        await using var host = new AdditionalHost(App, settings: new Dictionary<string, string> { ["FANOUT_MAX_CHILDREN"] = "5" });
        var worker = new RawWorker(host, "limited-worker");
        var jobs = new JobsApi(host.CreateClient());
        var jobId = await jobs.SubmitOkAsync("fan_out_test", new { item_list = new[] { "a", "b", "c", "d", "e", "f" } });

        var prepare = await worker.ClaimOneAsync();
        (await worker.CompleteAsync(prepare.GetProperty("task_id").GetString()!, new { echoed_params = new { item_list = new[] { "a", "b", "c", "d", "e", "f" } } })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var job = await jobs.WaitForStatusAsync(jobId, "failed");
        job.GetProperty("failed_node_id").GetString().ShouldBe("split");
        (await jobs.NodeAsync(jobId, "split")).GetProperty("error").GetString()
            .ShouldBe("fan_out source has 6 items; a fan_out may create at most 5 children (FANOUT_MAX_CHILDREN)");
        (await jobs.NodesAsync(jobId)).GetProperty("items").EnumerateArray().ShouldNotContain(n => n.GetProperty("node_id").GetString()!.StartsWith("split__"));
    }

    [Fact]
    public async Task FanOut_WhenWorkflowSetsNoMaxParallel_DispatchesTheDefaultNumberOfChildrenAtOnce()
    {
        await using var host = new AdditionalHost(App, settings: new Dictionary<string, string> { ["FANOUT_DEFAULT_MAX_PARALLEL"] = "2" });
        var worker = new RawWorker(host, "limited-worker");
        var jobs = new JobsApi(host.CreateClient());
        string[] items = ["a", "b", "c", "d", "e"];
        var jobId = await jobs.SubmitOkAsync("fan_out_test", new { item_list = items });
        var prepare = await worker.ClaimOneAsync();
        (await worker.CompleteAsync(prepare.GetProperty("task_id").GetString()!, new { echoed_params = new { item_list = items } })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var first = await worker.ClaimAsync(max: 10, waitSeconds: 5);
        first.Count.ShouldBe(2);
        (await worker.ClaimAsync(max: 10, waitSeconds: 0)).ShouldBeEmpty("the other three wait for a free slot");
        (await worker.CompleteAsync(first[0].GetProperty("task_id").GetString()!, new { ok = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await worker.ClaimAsync(max: 10, waitSeconds: 5)).Count.ShouldBe(1, "one child ended, one more starts");
        (await jobs.GetAsync(jobId)).GetProperty("status").GetString().ShouldBe("running");
    }
}
