namespace DagMaster.WebApi.Contracts;

/// <summary>The original callbacks' answer: <c>{"status": "accepted", "task_id": …}</c> (and the checkpoint's id).</summary>
public sealed record CallbackAcceptedResponse(string Status, string TaskId, string? CheckpointId = null);
