namespace DagMaster.Worker.Client;

/// <summary>The body of <c>POST /api/v1/worker/tasks/claim</c>.</summary>
public sealed record ClaimRequest(
    string WorkerId,
    IReadOnlyList<string> Queues,
    IReadOnlyList<string>? Handlers,
    int MaxTasks,
    int WaitSeconds);
