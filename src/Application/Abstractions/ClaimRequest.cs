namespace DagMaster.Application.Abstractions;

public sealed record ClaimRequest(string WorkerId, IReadOnlyList<string> Queues, IReadOnlyList<string>? Handlers, int MaxTasks);
