using DagMaster.IntegrationTests.Infrastructure;

namespace DagMaster.IntegrationTests.Health;

public sealed class HealthEndpointsTests(DagMasterAppFixture app) : IntegrationTestBase(app)
{
    [Fact]
    public async Task GetHealth_WhenDatabaseIsUp_Returns200WithEveryCheckOk()
    {
        var json = await (await Client.GetAsync("/api/v1/health", TestContext.Current.CancellationToken)).ReadJsonAsync(200);

        json.GetProperty("status").GetString().ShouldBe("healthy");
        json.GetProperty("version").GetString().ShouldNotBeNullOrEmpty();
        var checks = json.GetProperty("checks");
        foreach (var name in new[] { "database", "transport", "schema", "workflows" })
        {
            checks.GetProperty(name).GetProperty("status").GetString().ShouldBe("ok", name);
        }
    }

    [Fact]
    public async Task Probes_WhenHostIsUp_Return200()
    {
        (await Client.GetAsync("/livez", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await Client.GetAsync("/readyz", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task GetOpenApi_WhenRequested_DocumentsTheWorkflowEndpoints()
    {
        var json = await (await Client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).ReadJsonAsync(200);

        var paths = json.GetProperty("paths");
        paths.TryGetProperty("/api/v1/workflows", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/workflows/{workflowId}", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/workflows/validate", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/health", out _).ShouldBeTrue();
    }
}
