using System.Text.Json;

namespace DagMaster.Application.Assets.SubmitAsset;

/// <summary>
/// A B2B processing request: get-or-create the asset its refs name, open a version or a revision, and start
/// the job the platform maps <see cref="Kind"/> to — one transaction. <see cref="RequestId"/> (or the
/// Idempotency-Key) makes a repeat answer the first submission. <see cref="ByPlatformKey"/>: the platform's own
/// key submits, so its priority ceiling and running-jobs limit apply (an operator's submission is not limited).
/// </summary>
public sealed record SubmitAssetCommand(
    string PlatformId,
    string? RequestId,
    string? Kind,
    JsonElement? Refs,
    string? VersionLabel,
    JsonElement? Inputs,
    int? Priority,
    string Caller,
    bool ByPlatformKey = false) : ICommand<SubmissionResponse>;
