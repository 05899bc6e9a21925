using DagMaster.Application.Abstractions;
using DagMaster.Domain.Common;
using DagMaster.Domain.Assets;
using DagMaster.Domain.Jobs;
using DagMaster.Domain.Platforms;
using DagMaster.Domain.Workflows;
using DagMaster.Infrastructure.Dispatch;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DagMaster.Infrastructure.Persistence;

public sealed class DagMasterDbContext(
    DbContextOptions<DagMasterDbContext> options,
    IPublisher? publisher = null,
    TaskNotifications? notifications = null)
    : DbContext(options), IUnitOfWork, IReadModel
{
    public const string Schema = "dagmaster";

    public DbSet<WorkflowVersion> WorkflowVersionSet => Set<WorkflowVersion>();

    public DbSet<Job> JobSet => Set<Job>();

    internal DbSet<QueuedTask> TaskQueue => Set<QueuedTask>();

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
        // Handlers of domain events may change more aggregates and raise more events: publish until quiet.
        while (ChangeTracker.Entries<Entity>().Any(e => e.Entity.DomainEvents.Count > 0))
        {
            var entities = ChangeTracker.Entries<Entity>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToList();
            var events = entities.SelectMany(e => e.DomainEvents).ToList();
            entities.ForEach(e => e.ClearDomainEvents());
            if (publisher is not null)
            {
                foreach (var domainEvent in events)
                {
                    await publisher.Publish(domainEvent, cancellationToken);
                }
            }
        }

        var bulk = new BulkWrites();
        foreach (var job in ChangeTracker.Entries<Job>().Select(e => e.Entity))
        {
            bulk.Take(job);
        }

        bulk.AddTasks(PendingTasks);
        bulk.RemoveTasks(RemovedTasks, WithdrawnJobs);
        PendingTasks.Clear();
        RemovedTasks.Clear();
        WithdrawnJobs.Clear();
        var queues = notifications?.TakePending() ?? [];
        bulk.Notify(queues);

        var transaction = Database.CurrentTransaction;
        if (transaction is null && !bulk.IsEmpty)
        {
            transaction = await BeginAsync(cancellationToken);
        }

        await using (transaction)
        {
            await SaveChangesAsync(cancellationToken);
            if (!bulk.IsEmpty)
            {
                var connection = (Npgsql.NpgsqlConnection)Database.GetDbConnection();
                await using var batch = bulk.ToBatch(connection, (Npgsql.NpgsqlTransaction?)transaction?.GetDbTransaction());
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        if (queues.Count > 0)
        {
            notifications!.SignalLocal(queues);
        }
    }

    /// <summary>Tasks enqueued in this unit of work, written in bulk at commit.</summary>
    internal List<QueuedTask> PendingTasks { get; } = [];

    /// <summary>Queue entries of finished attempts, deleted at commit.</summary>
    internal List<string> RemovedTasks { get; } = [];

    /// <summary>Jobs that ended in this unit of work: their unclaimed queue entries are deleted at commit.</summary>
    internal List<Guid> WithdrawnJobs { get; } = [];

    /// <summary>Starts the transaction that row locks belong to, unless one is open already.</summary>
    internal async Task EnsureTransactionAsync(CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is null)
        {
            await BeginAsync(cancellationToken);
        }
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
