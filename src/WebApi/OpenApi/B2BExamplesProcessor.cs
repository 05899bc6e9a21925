using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace DagMaster.WebApi.OpenApi;

/// <summary>
/// Examples for the calls a B2B integration makes, in the order it makes them: register the platform, issue a
/// key, submit, follow the request, read the asset. One story: platform <c>ddh</c>, dataset <c>ds-42</c>, version V1.
/// </summary>
internal sealed class B2BExamplesProcessor : IDocumentProcessor
{
    private const string AssetId = "9f86d081884c7d659a2feaa0c55ad015";
    private const string JobId = "0194f3c2-4a10-7b3e-9c55-1d2e3f405162";

    private static readonly Dictionary<string, string> s_requests = new()
    {
        ["CreatePlatform"] = """{"platform_id":"ddh","display_name":"Data Hub","required_refs":["dataset_id","resource_id"],"optional_refs":["version_id"],"version_ref":"version_id","workflows":{"raster":"raster_ingest"},"callback_url":"https://ddh.example/dagmaster/callbacks"}""",
        ["CreateApiKey"] = """{"name":"ddh-production"}""",
        ["SubmitAsset"] = """{"request_id":"ddh-req-0001","kind":"raster","refs":{"dataset_id":"ds-42","resource_id":"res-7"},"version_label":"V1","inputs":{"blob_name":"ds-42/V1.tif"}}""",
    };

    private static readonly Dictionary<string, string> s_answers = new()
    {
        ["CreatePlatform"] = """{"platform":{"platform_id":"ddh","display_name":"Data Hub","description":null,"required_refs":["dataset_id","resource_id"],"optional_refs":["version_id"],"version_ref":"version_id","workflows":{"raster":"raster_ingest"},"callback_url":"https://ddh.example/dagmaster/callbacks","allowed_workflows":[],"max_priority":null,"max_running_jobs":null,"is_active":true,"created_at":"2026-01-01T00:00:00+00:00","updated_at":"2026-01-01T00:00:00+00:00","api_keys":[]},"signing_secret":"q3ZkP0uJ1nT6yXbV4cR8mLw7EeHs2DfGa5iOp9tUy0M"}""",
        ["CreateApiKey"] = """{"key_id":"0194f3c2-1111-7a2b-8c3d-4e5f60718293","platform_id":"ddh","name":"ddh-production","prefix":"dm_ddh_Xk29fLq0","key":"dm_ddh_Xk29fLq0ZpR7wV3sT8nB5cY1mQ4hJ6gD2aE9uKoW1vN","created_at":"2026-01-01T00:00:00+00:00"}""",
        ["SubmitAsset"] = $$"""{"request_id":"ddh-req-0001","asset_id":"{{AssetId}}","version_ordinal":0,"revision":1,"job_id":"{{JobId}}","status":"accepted","status_url":"/api/v1/platforms/ddh/requests/ddh-req-0001","replayed":false}""",
        ["GetRequestStatus"] = $$"""{"request_id":"ddh-req-0001","status":"completed","progress_percent":100,"asset_id":"{{AssetId}}","version_ordinal":0,"version_label":"V1","revision":1,"is_current_revision":true,"approval_state":"pending_review","artifacts":{"cog_url":"https://blobs.example/ddh/ds-42/V1.tif"},"error":null,"submitted_at":"2026-01-01T00:00:00+00:00","completed_at":"2026-01-01T00:02:10+00:00"}""",
        ["GetAssetVersion"] = Version,
        ["GetAsset"] = Asset,
        ["ListAssets"] = $$"""{"items":[{{Asset}}],"next_cursor":null}""",
    };

    private const string Revision =
        $$"""{"revision":1,"request_id":"ddh-req-0001","job_id":"{{JobId}}","status":"completed","artifacts":{"cog_url":"https://blobs.example/ddh/ds-42/V1.tif"},"error":null,"created_at":"2026-01-01T00:00:00+00:00","completed_at":"2026-01-01T00:02:10+00:00"}""";

    private const string Version =
        $$"""{"ordinal":0,"label":"V1","approval_state":"approved","reviewed_by":"admin:0","reviewed_at":"2026-01-02T09:00:00+00:00","rejection_reason":null,"current_revision":1,"artifacts":{"cog_url":"https://blobs.example/ddh/ds-42/V1.tif"},"created_at":"2026-01-01T00:00:00+00:00","revisions":[{{Revision}}]}""";

    private const string Asset =
        $$"""{"asset_id":"{{AssetId}}","platform_id":"ddh","platform_refs":{"dataset_id":"ds-42","resource_id":"res-7"},"clearance":"uncleared","cleared_by":null,"cleared_at":null,"is_deleted":false,"deleted_at":null,"latest_approved_ordinal":0,"created_at":"2026-01-01T00:00:00+00:00","updated_at":"2026-01-02T09:00:00+00:00","versions":[{{Version}}]}""";

    public void Process(DocumentProcessorContext context)
    {
        foreach (var description in context.Document.Operations)
        {
            var operation = description.Operation;
            if (s_requests.TryGetValue(operation.OperationId, out var request) && operation.RequestBody is { } body)
            {
                foreach (var media in body.Content.Values)
                {
                    media.Example = ExampleJson.Parse(request);
                }
            }

            if (s_answers.TryGetValue(operation.OperationId, out var answer))
            {
                var success = operation.Responses.First(r => r.Key.StartsWith('2')).Value;
                foreach (var media in success.Content.Values)
                {
                    media.Example = ExampleJson.Parse(answer);
                }
            }
        }
    }
}
