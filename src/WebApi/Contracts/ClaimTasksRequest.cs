namespace DagMaster.WebApi.Contracts;

public sealed record ClaimTasksRequest(string WorkerId, IReadOnlyList<string> Queues, IReadOnlyList<string>? Handlers, int MaxTasks = 1, double WaitSeconds = 0);
