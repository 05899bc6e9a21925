namespace DagMaster.WebApi.OpenApi;

/// <summary>The document's introduction: what every operation shares.</summary>
internal static class ApiDescription
{
    public const string Text = """
        DagMaster runs DAG workflows for B2B platforms, workers and operators.

        **Credentials.** Platforms and operators send `X-Api-Key` (scheme `ApiKey`): a platform key sees only its
        own platform's requests, jobs and assets, and another platform's ids answer 404. Workers send
        `Authorization: Bearer <worker key>` (scheme `WorkerKey`). The health probes need no credential.

        **JSON.** Names are snake_case. Free-form values (`inputs`, `refs`, `artifacts`, outputs) are any JSON.

        **Errors.** Every error is Problem Details (`application/problem+json`, RFC 9457) with a stable `type` URI
        to branch on, a `trace_id`, and for 422 every field error at once in `errors`. Bad input never answers 5xx.

        **Lists.** Keyset pages: pass `limit` and the previous page's `next_cursor` as `cursor`; the last page has
        `next_cursor: null`.

        **Retries.** Submissions are idempotent by `request_id` (or the `Idempotency-Key` header): sending the same
        request again answers the first one.
        """;
}
