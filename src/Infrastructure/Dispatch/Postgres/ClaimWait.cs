using DagMaster.Application.Abstractions;

namespace DagMaster.Infrastructure.Dispatch.Postgres;

/// <summary>
/// A claim's wait on the PostgreSQL queue: ends at the next pulse of its queues (taken when the wait began), when a
/// unit of work hands it tasks (<see cref="WaitingClaims"/>), or at the timeout.
/// </summary>
internal sealed class ClaimWait(ClaimRequest request, Task pulse, WaitingClaims waiting) : IClaimWait
{
    public async Task<IReadOnlyList<ClaimedTask>> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var claim = new WaitingClaim(request);
        waiting.Add(claim);
        bool taken;
        try
        {
            await Task.WhenAny(pulse, claim.Handed).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Nothing arrived in time; the caller claims once more and answers.
        }
        finally
        {
            taken = !waiting.Remove(claim);
        }

        // A unit of work that took this claim gives it its tasks when it commits, or nothing when it fails. (A claim
        // cancelled meanwhile loses them to its lease, like an answer that does not reach its worker.)
        return taken ? await claim.Handed : [];
    }
}
