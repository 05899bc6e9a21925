using System.Diagnostics;
using DagMaster.Application.Common.Exceptions;

namespace DagMaster.Application.Dispatch.ClaimTasks;

/// <summary>
/// Long poll: claims at once when tasks wait; otherwise sleeps until an enqueue signal (LISTEN/NOTIFY or a
/// local commit) and claims again, until the wait is over.
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
            // Take the signal's generation before claiming, so an enqueue between the claim and the wait still wakes us.
            var wait = leases.WaitForTasksAsync(request.Queues, TimeSpan.FromTicks(Math.Max(0, (deadline - Stopwatch.GetTimestamp()) * TimeSpan.TicksPerSecond / Stopwatch.Frequency)), cancellationToken);
            var claimed = await leases.ClaimAsync(request, cancellationToken);
            var remaining = deadline - Stopwatch.GetTimestamp();
            if (claimed.Count > 0 || remaining <= 0)
            {
                return claimed;
            }

            await wait;
        }
    }
}
