using System.Net;
using System.Net.Http.Json;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Security;

/// <summary>A platform key sees only its own platform: another platform's resources answer 404, lists leave them out.</summary>
public sealed class TenantIsolationTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlatformKey_WhenAskingForAnotherPlatformsResources_Returns404()
    {
        var b2b = new B2BApi(App, Client);
        await b2b.CreatePlatformAsync("alpha");
        await b2b.CreatePlatformAsync("beta");
        var (alpha, _) = await b2b.KeyClientAsync("alpha");
        var (beta, _) = await b2b.KeyClientAsync("beta");
        var theirs = await B2BApi.SubmitOkAsync(beta, "beta", "b-1", "x", "V1");
        var mine = await B2BApi.SubmitOkAsync(alpha, "alpha", "a-1", "x", "V1");
        var jobId = theirs.JobId;
        var assetId = theirs.AssetId;

        foreach (var path in new[]
        {
            "/api/v1/platforms/beta/requests/b-1", $"/api/v1/jobs/{jobId}", $"/api/v1/jobs/{jobId}/nodes", $"/api/v1/jobs/{jobId}/events",
            $"/api/v1/assets/{assetId}", $"/api/v1/assets/{assetId}/versions/0", "/api/v1/platforms/beta",
        })
        {
            await (await alpha.GetAsync(path, Ct)).ReadProblemAsync(404);
        }

        (await alpha.PostAsync($"/api/v1/jobs/{jobId}/cancel", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await B2BApi.SubmitAsync(alpha, "beta", new { kind = "raster", refs = new { dataset_id = "d", resource_id = "r" }, inputs = new { message = "m" } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await B2BApi.StatusAsync(beta, "beta", "b-1")).RequestId.ShouldBe("b-1");
        var listed = await (await alpha.GetAsync("/api/v1/jobs?platform_id=beta", Ct)).ReadJsonAsync(200);
        listed.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("job_id").GetGuid()).ShouldBe([mine.JobId.ShouldNotBeNull()]);
        var assets = await (await alpha.GetAsync("/api/v1/assets", Ct)).ReadJsonAsync(200);
        assets.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("platform_id").GetString()).ShouldBe(["alpha"]);
        var platforms = await (await alpha.GetAsync("/api/v1/platforms", Ct)).ReadJsonAsync(200);
        platforms.EnumerateArray().Select(p => p.GetProperty("platform_id").GetString()).ShouldBe(["alpha"]);
    }

    [Fact]
    public async Task SubmitJob_WhenPlatformKey_TagsTheJobWithThatPlatform()
    {
        var b2b = new B2BApi(App, Client);
        await b2b.CreatePlatformAsync("tagger");
        var (platform, _) = await b2b.KeyClientAsync("tagger");

        var job = await (await platform.PostAsJsonAsync("/api/v1/jobs", new { workflow_id = B2BApi.WorkflowId, inputs = new { message = "x" } }, Ct)).ReadJsonAsync(201);

        job.GetProperty("platform_id").GetString().ShouldBe("tagger");
        (await platform.GetAsync($"/api/v1/jobs/{job.GetProperty("job_id").GetGuid()}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
