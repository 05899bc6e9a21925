using System.Text.Json;

namespace DagMaster.Application.Assets.Common;

/// <summary>
/// The JSON body DagMaster POSTs to a platform's <c>callback_url</c> (snake_case names): when a request's job ends
/// (<c>job.completed</c>, <c>job.failed</c>, <c>job.cancelled</c>) and when its version is reviewed
/// (<c>version.approved</c>, <c>version.rejected</c>).
/// </summary>
/// <param name="Event">What happened: <c>job.&lt;status&gt;</c> or <c>version.&lt;approval state&gt;</c>.</param>
/// <param name="RequestId">The platform's request id of the revision the event is about.</param>
/// <param name="Status">The job status (completed, failed, cancelled) or the approval state (approved, rejected).</param>
/// <param name="AssetId">DagMaster's asset id (derived from the platform and its required refs).</param>
/// <param name="VersionOrdinal">The version's ordinal: 0, 1, 2… in submission order.</param>
/// <param name="VersionLabel">The platform's own version label, when it sent one.</param>
/// <param name="Revision">The revision number within the version.</param>
/// <param name="ApprovalState">The version's approval state: pending_review, approved or rejected.</param>
/// <param name="Artifacts">What the workflow produced (its <c>outputs:</c>), when it completed.</param>
/// <param name="Error">Why the job failed, when it failed.</param>
/// <param name="OccurredAt">When the event happened.</param>
public sealed record WebhookPayload(
    string Event,
    string RequestId,
    string Status,
    string AssetId,
    int VersionOrdinal,
    string? VersionLabel,
    int Revision,
    string ApprovalState,
    JsonElement? Artifacts,
    string? Error,
    DateTimeOffset OccurredAt)
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
