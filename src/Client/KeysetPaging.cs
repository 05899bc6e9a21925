using System.Runtime.CompilerServices;

namespace DagMaster.Client;

/// <summary>
/// The keyset lists as one sequence: each page's <c>next_cursor</c> is sent as the next call's <c>cursor</c> until
/// a page has none. Pages are fetched as the sequence is read, so stopping early fetches no more.
/// </summary>
public static class KeysetPaging
{
    /// <summary>Follows the cursor of any keyset list: <paramref name="fetch"/> gets the cursor (null first).</summary>
    public static async IAsyncEnumerable<TItem> FollowAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetch,
        Func<TPage, IEnumerable<TItem>?> items,
        Func<TPage, string?> nextCursor,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? cursor = null;
        do
        {
            var page = await fetch(cursor, cancellationToken).ConfigureAwait(false);
            foreach (var item in items(page) ?? [])
            {
                yield return item;
            }

            cursor = nextCursor(page);
        }
        while (!string.IsNullOrEmpty(cursor));
    }

    /// <summary>Every job that matches, newest first (<c>GET /api/v1/jobs</c>), <paramref name="pageSize"/> per call.</summary>
    public static IAsyncEnumerable<JobSummaryDto> ListAllJobsAsync(this IDagMasterClient client, string? status = null,
        string? workflowId = null, string? correlationId = null, string? platformId = null, int? pageSize = null,
        CancellationToken cancellationToken = default) =>
        FollowAsync(
            (cursor, ct) => client.ListJobsAsync(status, workflowId, correlationId, platformId, null, null, pageSize, cursor, ct),
            page => page.Items, page => page.NextCursor, cancellationToken);

    /// <summary>Every node of a job (<c>GET /api/v1/jobs/{job_id}/nodes</c>).</summary>
    public static IAsyncEnumerable<JobNodeDto> GetAllJobNodesAsync(this IDagMasterClient client, Guid jobId,
        int? pageSize = null, CancellationToken cancellationToken = default) =>
        FollowAsync((cursor, ct) => client.GetJobNodesAsync(jobId, pageSize, cursor, ct),
            page => page.Items, page => page.NextCursor, cancellationToken);

    /// <summary>Every asset the key may see (<c>GET /api/v1/assets</c>).</summary>
    public static IAsyncEnumerable<AssetDto> ListAllAssetsAsync(this IDagMasterClient client, string? platformId = null,
        bool? includeDeleted = null, int? pageSize = null, CancellationToken cancellationToken = default) =>
        FollowAsync((cursor, ct) => client.ListAssetsAsync(platformId, includeDeleted, pageSize, cursor, ct),
            page => page.Items, page => page.NextCursor, cancellationToken);
}
