using System.Net.Http.Json;
using DagMaster.Client;

namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>
/// The B2B surface as an operator and as platforms call it — registry, keys, submissions, status, assets — through
/// the generated client (src/Client), so every scenario that uses it exercises the client against the real host.
/// Deliberately malformed requests stay on <see cref="HttpClient"/> (<see cref="SubmitAsync"/>).
/// </summary>
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

    /// <summary>The generated client over <paramref name="http"/>, which already carries the host's address and a key.</summary>
    public static DagMasterClient Api(HttpClient http) => new(http);

    /// <summary>Registers the probe workflow: written, reloaded, and the file removed again so other tests see the original folder.</summary>
    public async Task EnsureWorkflowAsync()
    {
        try
        {
            await Api(admin).GetWorkflowAsync(WorkflowId, cancellationToken: Ct);
            return;
        }
        catch (DagMasterApiException e) when (e.Status == 404)
        {
        }

        var file = Path.Combine(app.WorkflowsDirectory, "zz_b2b_artifacts_probe.yaml");
        await File.WriteAllTextAsync(file, WorkflowYaml, Ct);
        try
        {
            await Api(admin).ReloadWorkflowsAsync(Ct);
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
        var created = await Api(admin).CreatePlatformAsync(new PlatformRequest
        {
            PlatformId = platformId,
            DisplayName = $"Platform {platformId}",
            RequiredRefs = requiredRefs ?? ["dataset_id", "resource_id"],
            OptionalRefs = versionRef is null ? [] : [versionRef],
            VersionRef = versionRef,
            Workflows = new Dictionary<string, string> { ["raster"] = WorkflowId },
            CallbackUrl = callbackUrl,
        }, Ct);
        created.Platform!.PlatformId.ShouldBe(platformId);
        return created.SigningSecret.ShouldNotBeNull();
    }

    /// <summary>Issues an API key and answers a client that sends it (and nothing else).</summary>
    public async Task<(HttpClient Client, Guid KeyId)> KeyClientAsync(string platformId)
    {
        var key = await Api(admin).CreateApiKeyAsync(platformId, new CreateApiKeyRequest { Name = "test" }, Ct);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key.ShouldNotBeNull());
        return (client, key.KeyId.ShouldNotBeNull());
    }

    /// <summary>A raw submission, for bodies the typed client would not send (or whose status code is the point).</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string platformId, object body) =>
        client.PostAsJsonAsync($"/api/v1/platforms/{platformId}/submissions", body, Ct);

    public static Task<SubmissionResponse> SubmitOkAsync(HttpClient client, string platformId, string requestId, string message, string? label, string datasetId = "ds-1") =>
        Api(client).SubmitAssetAsync(platformId, new SubmissionRequest
        {
            RequestId = requestId,
            Kind = "raster",
            Refs = new Dictionary<string, string> { ["dataset_id"] = datasetId, ["resource_id"] = "res-1" },
            VersionLabel = label,
            Inputs = new Dictionary<string, string> { ["message"] = message },
        }, cancellationToken: Ct);

    public static Task<RequestStatusDto> StatusAsync(HttpClient client, string platformId, string requestId) =>
        Api(client).GetRequestStatusAsync(platformId, requestId, Ct);

    public static Task<RequestStatusDto> WaitForStatusAsync(HttpClient client, string platformId, string requestId, string status) =>
        Poll.UntilAsync(() => StatusAsync(client, platformId, requestId), s => s.Status == status,
            $"request {requestId} to be {status}");

    public Task<AssetDto> AssetAsync(string assetId) => Api(admin).GetAssetAsync(assetId, Ct);
}
