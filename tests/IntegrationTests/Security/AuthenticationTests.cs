using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Security;

/// <summary>Every /api/v1 route needs a credential; roles decide what it may call; probes stay anonymous.</summary>
public sealed class AuthenticationTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Anonymous()
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        return client;
    }

    [Theory]
    [InlineData("GET", "/api/v1/jobs")]
    [InlineData("POST", "/api/v1/jobs")]
    [InlineData("GET", "/api/v1/workflows")]
    [InlineData("GET", "/api/v1/platforms")]
    [InlineData("POST", "/api/v1/platforms/ddh/submissions")]
    [InlineData("GET", "/api/v1/assets")]
    public async Task ApiCall_WhenNoKey_Returns401Problem(string method, string path)
    {
        using var anonymous = Anonymous();

        var problem = await (await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct)).ReadProblemAsync(401);

        problem.GetProperty("type").GetString().ShouldBe("https://dagmaster.dev/problems/unauthorized");
    }

    [Theory]
    [InlineData("/api/v1/health")]
    [InlineData("/livez")]
    [InlineData("/openapi/v1.json")]
    public async Task Probe_WhenNoKey_IsAnswered(string path)
    {
        using var anonymous = Anonymous();

        (await anonymous.GetAsync(path, Ct)).StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SubmitJob_WhenWorkerKey_Returns403()
    {
        using var worker = Anonymous();
        worker.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestHostSettings.WorkerKey);

        var problem = await (await worker.PostAsJsonAsync("/api/v1/jobs", new { workflow_id = "echo_test", inputs = new { message = "x" } }, Ct)).ReadProblemAsync(403);

        problem.GetProperty("type").GetString().ShouldBe("https://dagmaster.dev/problems/forbidden");
        (await (await Client.GetAsync("/api/v1/jobs", Ct)).ReadJsonAsync(200)).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task ApiCall_WhenKeyRevoked_Returns401()
    {
        var b2b = new B2BApi(App, Client);
        await b2b.CreatePlatformAsync("revoked");
        var (platform, keyId) = await b2b.KeyClientAsync("revoked");
        (await platform.GetAsync("/api/v1/jobs", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Client.PostAsync($"/api/v1/platforms/revoked/keys/{keyId}/revoke", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await platform.GetAsync("/api/v1/jobs", Ct)).ReadProblemAsync(401);
        (await Client.PostAsync($"/api/v1/platforms/revoked/keys/{Guid.NewGuid()}/revoke", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PlatformKey_WhenCallingAdminEndpoints_Returns403()
    {
        var b2b = new B2BApi(App, Client);
        await b2b.CreatePlatformAsync("plain");
        var (platform, _) = await b2b.KeyClientAsync("plain");

        (await platform.PostAsJsonAsync("/api/v1/platforms/plain/keys", new { }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await platform.PostAsync("/api/v1/workflows/reload", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await platform.PostAsync("/api/v1/worker/tasks/claim", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task HangfireDashboard_WhenCalled_AllowsOperatorsOnly()
    {
        var b2b = new B2BApi(App, Client);
        await b2b.CreatePlatformAsync("peeker");
        var (platform, _) = await b2b.KeyClientAsync("peeker");
        using var anonymous = Anonymous();

        (await Client.GetAsync("/ui/hangfire", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync("/ui/hangfire", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await platform.GetAsync("/ui/hangfire", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
