using System.Net.Http.Json;
using System.Text.Json;

namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>The B2B surface as an operator and as platforms call it: registry, keys, submissions, status, assets.</summary>
public sealed class B2BApi(DagMasterAppFixture app, HttpClient admin)
{
    /// <summary>A workflow of the tests' own that declares <c>outputs:</c> (the original files stay untouched).</summary>
    public const string WorkflowId = "b2b_artifacts_probe";

    private const string WorkflowYaml = """
        workflow_id: b2b_artifacts_probe
        name: B2B artifacts probe
        version: 1
        inputs:
          message:
            type: string
            required: true
        nodes:
          start:
            type: start
            next: echo
          echo:
            type: task
            handler: echo
            queue: dag-worker-tasks
            params:
              message: "{{ inputs.message }}"
            next: end
          end:
            type: end
        outputs:
          cog_url: "https://blobs.example/{{ nodes.echo.output.echoed_params.message }}.tif"
          stac_item_id: "item-{{ inputs.message }}"
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Admin => admin;

    /// <summary>Registers the probe workflow: written, reloaded, and the file removed again so other tests see the original folder.</summary>
    public async Task EnsureWorkflowAsync()
    {
        if ((await admin.GetAsync($"/api/v1/workflows/{WorkflowId}", Ct)).IsSuccessStatusCode)
        {
            return;
        }

        var file = Path.Combine(app.WorkflowsDirectory, "zz_b2b_artifacts_probe.yaml");
        await File.WriteAllTextAsync(file, WorkflowYaml, Ct);
        try
        {
            (await admin.PostAsync("/api/v1/workflows/reload", null, Ct)).EnsureSuccessStatusCode();
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Registers a platform through the admin API (data only) and answers its signing secret.</summary>
    public async Task<string> CreatePlatformAsync(string platformId, string? callbackUrl = null, string[]? requiredRefs = null, string? versionRef = "version_id")
    {
        await EnsureWorkflowAsync();
        var json = await (await admin.PostAsJsonAsync("/api/v1/platforms", new
        {
            platform_id = platformId,
            display_name = $"Platform {platformId}",
            required_refs = requiredRefs ?? ["dataset_id", "resource_id"],
            optional_refs = versionRef is null ? Array.Empty<string>() : [versionRef],
            version_ref = versionRef,
            workflows = new Dictionary<string, string> { ["raster"] = WorkflowId },
            callback_url = callbackUrl,
        }, Ct)).ReadJsonAsync(201);
        return json.GetProperty("signing_secret").GetString()!;
    }

    /// <summary>Issues an API key and answers a client that sends it (and nothing else).</summary>
    public async Task<(HttpClient Client, Guid KeyId)> KeyClientAsync(string platformId)
    {
        var key = await (await admin.PostAsJsonAsync($"/api/v1/platforms/{platformId}/keys", new { name = "test" }, Ct)).ReadJsonAsync(201);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Add("X-Api-Key", key.GetProperty("key").GetString());
        return (client, key.GetProperty("key_id").GetGuid());
    }

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string platformId, object body) =>
        client.PostAsJsonAsync($"/api/v1/platforms/{platformId}/submissions", body, Ct);

    public static async Task<JsonElement> SubmitOkAsync(HttpClient client, string platformId, string requestId, string message, string? label, string datasetId = "ds-1") =>
        await (await SubmitAsync(client, platformId, new
        {
            request_id = requestId,
            kind = "raster",
            refs = new Dictionary<string, string> { ["dataset_id"] = datasetId, ["resource_id"] = "res-1" },
            version_label = label,
            inputs = new { message },
        })).ReadJsonAsync(202);

    public static async Task<JsonElement> StatusAsync(HttpClient client, string platformId, string requestId) =>
        await (await client.GetAsync($"/api/v1/platforms/{platformId}/requests/{requestId}", Ct)).ReadJsonAsync(200);

    public static Task<JsonElement> WaitForStatusAsync(HttpClient client, string platformId, string requestId, string status) =>
        Poll.UntilAsync(() => StatusAsync(client, platformId, requestId), s => s.GetProperty("status").GetString() == status,
            $"request {requestId} to be {status}");

    public async Task<JsonElement> AssetAsync(string assetId) => await (await admin.GetAsync($"/api/v1/assets/{assetId}", Ct)).ReadJsonAsync(200);
}
