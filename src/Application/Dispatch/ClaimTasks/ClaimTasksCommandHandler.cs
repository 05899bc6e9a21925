using System.Diagnostics;
using DagMaster.Application.Common.Exceptions;

namespace DagMaster.Application.Dispatch.ClaimTasks;

/// <summary>
/// Long poll: claims at once when tasks wait; otherwise waits until a unit of work hands it tasks it enqueued, or
/// signals that tasks may have arrived (LISTEN/NOTIFY or a local commit) and it claims again, until the wait is over.
/// </summary>
public sealed class ClaimTasksCommandHandler(ITaskLeaseStore leases) : ICommandHandler<ClaimTasksCommand, IReadOnlyList<ClaimedTask>>
{
    public async ValueTask<IReadOnlyList<ClaimedTask>> Handle(ClaimTasksCommand command, CancellationToken cancellationToken)
    {
        if (!leases.SupportsClaims)
        {
            throw TransportMismatchException.NoClaims();
        }

        var request = new ClaimRequest(command.WorkerId, command.Queues, command.Handlers is { Count: > 0 } h ? h : null, command.MaxTasks);
        var deadline = Stopwatch.GetTimestamp() + (long)(command.WaitSeconds * Stopwatch.Frequency);
        while (true)
        {
            // Begin the wait before claiming, so an enqueue between the claim and the wait still wakes us.
            var wait = leases.BeginWait(request);
            var claimed = await leases.ClaimAsync(request, cancellationToken);
            var remaining = deadline - Stopwatch.GetTimestamp();
            if (claimed.Count > 0 || remaining <= 0)
            {
                return claimed;
            }

            var handed = await wait.WaitAsync(TimeSpan.FromTicks(remaining * TimeSpan.TicksPerSecond / Stopwatch.Frequency), cancellationToken);
            if (handed.Count > 0)
            {
                return handed;
            }
        }
    }
}
