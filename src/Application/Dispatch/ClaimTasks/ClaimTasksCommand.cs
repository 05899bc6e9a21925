namespace DagMaster.Application.Dispatch.ClaimTasks;

/// <summary>A worker asks for up to <see cref="MaxTasks"/> tasks, waiting up to <see cref="WaitSeconds"/> for them.</summary>
public sealed record ClaimTasksCommand(string WorkerId, IReadOnlyList<string> Queues, IReadOnlyList<string>? Handlers, int MaxTasks, double WaitSeconds)
    : ICommand<IReadOnlyList<ClaimedTask>>;
