using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DagMaster.TestSupport;

namespace DagMaster.UiTests.Infrastructure;

/// <summary>The B2B calls the page tests need: an operator registers a platform and issues keys, a platform submits.</summary>
public static class PlatformsApi
{
    public const string Kind = "raster";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task CreatePlatformAsync(UiAppFixture app, string platformId, string displayName, string? description = null)
    {
        using var client = Client(app, TestHostSettings.AdminKey);
        using var response = await client.PostAsJsonAsync("/api/v1/platforms", new
        {
            platform_id = platformId,
            display_name = displayName,
            description,
            required_refs = new[] { "dataset_id", "resource_id" },
            workflows = new Dictionary<string, string> { [Kind] = "b2b_artifacts_probe" },
            callback_url = "https://callbacks.example/dagmaster",
        }, Ct);
        ((int)response.StatusCode).ShouldBe(201, await response.Content.ReadAsStringAsync(Ct));
    }

    public static async Task<string> CreateKeyAsync(UiAppFixture app, string platformId)
    {
        using var client = Client(app, TestHostSettings.AdminKey);
        using var response = await client.PostAsJsonAsync($"/api/v1/platforms/{platformId}/keys", new { name = "api" }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        ((int)response.StatusCode).ShouldBe(201, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("key").GetString()!;
    }

    /// <summary>Submits a request with a platform key and waits until its revision completed; answers the asset id.</summary>
    public static async Task<string> SubmitAndWaitAsync(UiAppFixture app, string key, string platformId, string requestId, string datasetId, string label)
    {
        using var client = Client(app, key);
        using var submitted = await client.PostAsJsonAsync($"/api/v1/platforms/{platformId}/submissions", new
        {
            request_id = requestId,
            kind = Kind,
            refs = new Dictionary<string, string> { ["dataset_id"] = datasetId, ["resource_id"] = "res-1" },
            version_label = label,
            inputs = new { message = requestId },
        }, Ct);
        var body = await submitted.Content.ReadAsStringAsync(Ct);
        ((int)submitted.StatusCode).ShouldBe(202, body);
        await Poll.UntilAsync(
            async () => JsonDocument.Parse(await client.GetStringAsync($"/api/v1/platforms/{platformId}/requests/{requestId}", Ct))
                .RootElement.GetProperty("status").GetString(),
            status => status == "completed",
            $"request {requestId} to complete",
            timeoutSeconds: 30,
            intervalSeconds: 0.2);
        return JsonDocument.Parse(body).RootElement.GetProperty("asset_id").GetString()!;
    }

    public static async Task<HttpStatusCode> ListPlatformsStatusAsync(UiAppFixture app, string key)
    {
        using var client = Client(app, key);
        using var response = await client.GetAsync("/api/v1/platforms", Ct);
        return response.StatusCode;
    }

    public static async Task<JsonElement> AssetAsync(UiAppFixture app, string assetId)
    {
        using var client = Client(app, TestHostSettings.AdminKey);
        return JsonDocument.Parse(await client.GetStringAsync($"/api/v1/assets/{assetId}", Ct)).RootElement.Clone();
    }

    private static HttpClient Client(UiAppFixture app, string key)
    {
        var client = new HttpClient { BaseAddress = app.ServerAddress };
        client.DefaultRequestHeaders.Add(TestHostSettings.ApiKeyHeader, key);
        return client;
    }
}
