using DagMaster.Application.Abstractions;
using DagMaster.Application.Common.Exceptions;
using DagMaster.Domain.Common;
using DagMaster.Domain.Assets;
using DagMaster.Domain.Jobs;
using DagMaster.Domain.Platforms;
using DagMaster.Domain.Workflows;
using Mediator;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DagMaster.Infrastructure.Persistence;

/// <summary>
/// The unit of work and read model. Instances are pooled (creating a context's internal services per request
/// cost more CPU than the statements it sent); <see cref="JoinScope"/> gives a rented instance the request's
/// publisher and the scope's unit-of-work participants (the task transport), and clears what an earlier request left.
/// </summary>
public sealed class DagMasterDbContext(DbContextOptions<DagMasterDbContext> options)
    : DbContext(options), IUnitOfWork, IReadModel, IDataProtectionKeyContext
{
    public const string Schema = "dagmaster";

    private const string CommitStatement = "COMMIT";

    private IPublisher? _publisher;
    private readonly LoadedNodeRows _nodeRows = new();
    private readonly List<Job> _newJobs = [];
    private IReadOnlyList<IUnitOfWorkParticipant> _participants = [];

    private bool _releasing;
    private bool _scoped;

    internal DagMasterDbContext JoinScope(IPublisher? publisher, IEnumerable<IUnitOfWorkParticipant> participants)
    {
        _scoped = true;
        _releasing = false;
        _publisher = publisher;
        _participants = [.. participants];
        _nodeRows.Clear();
        _newJobs.Clear();
        foreach (var participant in _participants)
        {
            participant.Reset();
        }

        return this;
    }

    /// <summary>Returns a scope's context to the pool: the one disposal a joined context obeys (<see cref="ScopedContextLease"/>).</summary>
    internal ValueTask Release()
    {
        // Cleared before the context goes back: whoever rents it next decides again.
        _scoped = false;
        _releasing = true;
        _nodeRows.Clear();
        _newJobs.Clear();
        return base.DisposeAsync();
    }

    internal void ReleaseNow()
    {
        _scoped = false;
        _releasing = true;
        _nodeRows.Clear();
        _newJobs.Clear();
        base.Dispose();
    }

    public override void Dispose()
    {
        if (!_scoped || _releasing)
        {
            base.Dispose();
        }
    }

    public override ValueTask DisposeAsync() => !_scoped || _releasing ? base.DisposeAsync() : ValueTask.CompletedTask;

    public DbSet<WorkflowVersion> WorkflowVersionSet => Set<WorkflowVersion>();

    public DbSet<Job> JobSet => Set<Job>();

    /// <summary>The ASP.NET Core Data Protection key ring, shared by every instance (cookies, anti-forgery tokens).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    IQueryable<WorkflowVersion> IReadModel.WorkflowVersions => WorkflowVersionSet.AsNoTracking();

    IQueryable<Job> IReadModel.Jobs => JobSet.AsNoTracking();

    IQueryable<JobNode> IReadModel.JobNodes => Set<JobNode>().AsNoTracking();

    IQueryable<JobEvent> IReadModel.JobEvents => Set<JobEvent>().AsNoTracking();

    IQueryable<Platform> IReadModel.Platforms => Set<Platform>().AsNoTracking();

    IQueryable<PlatformApiKey> IReadModel.PlatformApiKeys => Set<PlatformApiKey>().AsNoTracking();

    IQueryable<WebhookDelivery> IReadModel.WebhookDeliveries => Set<WebhookDelivery>().AsNoTracking();

    IQueryable<GeospatialAsset> IReadModel.Assets => Set<GeospatialAsset>().AsNoTracking();

    IQueryable<AssetVersion> IReadModel.AssetVersions => Set<AssetVersion>().AsNoTracking();

    IQueryable<Revision> IReadModel.Revisions => Set<Revision>().AsNoTracking();

    IQueryable<AssetEvent> IReadModel.AssetEvents => Set<AssetEvent>().AsNoTracking();

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        // Change detection scans every tracked property, so it runs once per round here instead of on every
        // Entries() call, and SaveChanges below does not repeat it.
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await PublishDomainEventsAsync(cancellationToken);
            await WriteAsync(cancellationToken);
        }
        catch (Exception ex) when (UniqueViolation(ex) is { } violation)
        {
            // Two requests creating the same row (say, the first submissions of one new asset): the loser's
            // transaction is rolled back whole, and the caller is told to retry instead of seeing a 500.
            throw new ConcurrentWriteException(violation.TableName ?? "row", ex);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static Npgsql.PostgresException? UniqueViolation(Exception ex) =>
        (ex as Npgsql.PostgresException ?? ex.InnerException as Npgsql.PostgresException) is { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } violation
            ? violation
            : null;

    /// <summary>Handlers of domain events may change more aggregates and raise more events: publishes until quiet.</summary>
    private async Task PublishDomainEventsAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            ChangeTracker.DetectChanges();
            var entities = ChangeTracker.Entries<Entity>().Select(e => e.Entity).Concat(_newJobs).Where(e => e.DomainEvents.Count > 0).ToList();
            if (entities.Count == 0)
            {
                return;
            }

            var events = entities.SelectMany(e => e.DomainEvents).ToList();
            entities.ForEach(e => e.ClearDomainEvents());
            if (_publisher is not null)
            {
                foreach (var domainEvent in events)
                {
                    await _publisher.Publish(domainEvent, cancellationToken);
                }
            }
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WriteAndCommitAsync(cancellationToken);
        }
        catch
        {
            foreach (var participant in _participants)
            {
                participant.Abandoned();
            }

            throw;
        }

        foreach (var participant in _participants)
        {
            participant.Committed();
        }
    }

    private async Task WriteAndCommitAsync(CancellationToken cancellationToken)
    {
        var jobs = ChangeTracker.Entries<Job>().Select(e => e.Entity).Concat(_newJobs).ToList();
        foreach (var participant in _participants)
        {
            participant.Prepare(jobs);
        }

        var bulk = new BulkWrites();
        foreach (var job in jobs)
        {
            bulk.Take(job);
        }

        // Jobs and their nodes first, as set-based statements (other rows may refer to them), then the appended
        // rows and the transport's, in one round trip; SaveChanges then writes whatever else changed (assets,
        // platforms, deliveries).
        var connection = (Npgsql.NpgsqlConnection)Database.GetDbConnection();
        await using var batch = new Npgsql.NpgsqlBatch(connection);
        AddJobRows(batch, beforeCommit: false);
        bulk.AddTo(batch, TrackedRowWrites.ShapeOf(Model.FindEntityType(typeof(JobNode))!));
        foreach (var participant in _participants)
        {
            participant.AddTo(batch);
        }

        var transaction = Database.CurrentTransaction;
        if (transaction is null && batch.BatchCommands.Count > 0)
        {
            transaction = await BeginAsync(cancellationToken);
        }

        await using (transaction)
        {
            // When EF has nothing left to write (a step, a submission), the commit ends the write batch: the rows and
            // the durable commit take one round trip (ADR-0124). A failed statement skips it and the transaction aborts.
            var commitInBatch = transaction is not null && !ChangeTracker.HasChanges();
            if (commitInBatch)
            {
                batch.BatchCommands.Add(new Npgsql.NpgsqlBatchCommand(CommitStatement));
            }

            if (batch.BatchCommands.Count > 0)
            {
                batch.Transaction = (Npgsql.NpgsqlTransaction)transaction!.GetDbTransaction();
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }

            if (!commitInBatch)
            {
                await SaveChangesAsync(cancellationToken);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
            }
        }

        // Stored now; the unit of work is over, so they need no tracking as stored rows.
        _newJobs.Clear();
    }

    /// <summary>
    /// Adds a new job to this unit of work: its row and its nodes are inserted at commit by the set-based writers,
    /// without EF's change tracker (tracking each new job cost a tenth of a submission's CPU in DagMaster).
    /// </summary>
    internal void AddNewJob(Job job) => _newJobs.Add(job);

    /// <summary>Gives a job the node states read for it; they are written at commit when the job changed them.</summary>
    internal void AttachNodes(Job job, IReadOnlyList<JobNode> nodes) => _nodeRows.Attach(this, job, nodes);

    /// <summary>
    /// Writes the changes of this unit of work so far inside its transaction, so a query that follows sees them.
    /// </summary>
    internal async Task WritePendingAsync(CancellationToken cancellationToken)
    {
        await EnsureTransactionAsync(cancellationToken);
        await using var batch = new Npgsql.NpgsqlBatch((Npgsql.NpgsqlConnection)Database.GetDbConnection())
        {
            Transaction = (Npgsql.NpgsqlTransaction)Database.CurrentTransaction!.GetDbTransaction(),
        };
        ChangeTracker.DetectChanges();
        AddJobRows(batch, beforeCommit: true);
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The new and the changed job rows, then their nodes' (a new job's row first: their foreign key). A new job
    /// written before the commit (a query in the unit of work must see it) is tracked from then on as stored.
    /// </summary>
    private void AddJobRows(Npgsql.NpgsqlBatch batch, bool beforeCommit)
    {
        var tracked = ChangeTracker.Entries<Job>().ToList();
        var nodeOwners = tracked.Select(e => (e.Entity, IsNew: false)).Concat(_newJobs.Select(j => (j, IsNew: true))).ToList();
        if (_newJobs.Count > 0)
        {
            batch.BatchCommands.Add(TrackedRowWrites.ShapeOf(Model.FindEntityType(typeof(Job))!).Insert(_newJobs));
        }

        TrackedRowWrites.AddTo(batch, tracked);
        _nodeRows.AddTo(this, batch, nodeOwners);
        if (beforeCommit)
        {
            foreach (var job in _newJobs)
            {
                JobSet.Attach(job);
            }

            _newJobs.Clear();
        }
    }

    /// <summary>Starts the transaction that row locks belong to, unless one is open already.</summary>
    internal async Task EnsureTransactionAsync(CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is null)
        {
            await BeginAsync(cancellationToken);
        }
    }

    /// <summary>Runs a query inside the unit of work's transaction (started when none is open) and answers its first value.</summary>
    internal async Task<object?> ScalarAsync(string sql, IEnumerable<Npgsql.NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        await EnsureTransactionAsync(cancellationToken);
        await using var command = new Npgsql.NpgsqlCommand(sql, (Npgsql.NpgsqlConnection)Database.GetDbConnection(),
            (Npgsql.NpgsqlTransaction)Database.CurrentTransaction!.GetDbTransaction());
        command.Parameters.AddRange(parameters.ToArray());
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>
    /// A unit of work commits or rolls back as a whole and never retries inside its transaction, so EF's
    /// savepoint around each SaveChanges would only add two round trips.
    /// </summary>
    private async Task<IDbContextTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        Database.AutoSavepointsEnabled = false;
        return await Database.BeginTransactionAsync(cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DagMasterDbContext).Assembly);
    }
}
