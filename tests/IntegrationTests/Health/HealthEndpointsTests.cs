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

        // Each dependency is timed on its own; no Entra token is used here, so there is no credential check.
        checks.GetProperty("database").GetProperty("latency_ms").GetDouble().ShouldBeGreaterThan(0);
        checks.GetProperty("transport").GetProperty("detail").GetString().ShouldBe("postgres: reachable");
        checks.TryGetProperty("credential", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task GetHealth_WhenHostRuns_ListsItsInstanceWithRecentLastSeen()
    {
        var json = await Poll.UntilAsync(
            async () => await (await Client.GetAsync("/api/v1/health", TestContext.Current.CancellationToken)).ReadJsonAsync(200),
            j => j.TryGetProperty("instances", out var list) && list.ValueKind == System.Text.Json.JsonValueKind.Array && list.GetArrayLength() > 0,
            "the host to register its instance");

        var self = json.GetProperty("instances").EnumerateArray()
            .Single(i => i.GetProperty("process_id").GetInt32() == Environment.ProcessId && i.GetProperty("host_name").GetString() == Environment.MachineName);
        (DateTimeOffset.UtcNow - self.GetProperty("last_seen_at").GetDateTimeOffset()).ShouldBeLessThan(TimeSpan.FromSeconds(60));
        self.GetProperty("is_stale").GetBoolean().ShouldBeFalse();
        self.GetProperty("version").GetString().ShouldBe(json.GetProperty("version").GetString());
        self.GetProperty("instance_id").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task GetHealth_WhenAnonymous_ListsNoInstances()
    {
        using var anonymous = new HttpClient { BaseAddress = Client.BaseAddress };

        var json = await (await anonymous.GetAsync("/api/v1/health", TestContext.Current.CancellationToken)).ReadJsonAsync(200);

        json.GetProperty("status").GetString().ShouldBe("healthy");
        (json.TryGetProperty("instances", out var instances) && instances.ValueKind != System.Text.Json.JsonValueKind.Null).ShouldBeFalse();
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
