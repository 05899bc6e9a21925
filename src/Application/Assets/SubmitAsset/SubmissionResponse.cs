namespace DagMaster.Application.Assets.SubmitAsset;

/// <summary>The 202 answer; <see cref="Replayed"/> when the request id was already submitted.</summary>
public sealed record SubmissionResponse(
    string RequestId,
    string AssetId,
    int VersionOrdinal,
    int Revision,
    Guid JobId,
    string Status,
    string StatusUrl,
    bool Replayed);
