using DagMaster.Domain.Jobs;
using Npgsql;

namespace DagMaster.Infrastructure.Persistence;

/// <summary>
/// Something outside the tracked entities that writes with a unit of work, such as a task transport's queue rows or
/// outbox rows. Its statements travel in the commit's batch, after the jobs' and nodes' own, in the same transaction.
/// </summary>
internal interface IUnitOfWorkParticipant
{
    /// <summary>Forgets what an earlier unit of work left (a pooled context joined a new scope).</summary>
    void Reset();

    /// <summary>Runs before the unit of work's rows are written; it may still change the tracked <paramref name="jobs"/>.</summary>
    void Prepare(IReadOnlyCollection<Job> jobs);

    /// <summary>Moves what this unit of work buffered into <paramref name="batch"/>; the buffer is empty afterwards.</summary>
    void AddTo(NpgsqlBatch batch);

    /// <summary>Runs after the transaction committed (wake-ups that must not come before the rows are visible).</summary>
    void Committed();

    /// <summary>Runs when the unit of work failed after <see cref="AddTo"/>: nothing it wrote was committed.</summary>
    void Abandoned();
}
