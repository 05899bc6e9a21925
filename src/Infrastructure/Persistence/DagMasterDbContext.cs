using DagMaster.Application.Abstractions;
using DagMaster.Domain.Common;
using DagMaster.Domain.Workflows;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace DagMaster.Infrastructure.Persistence;

public sealed class DagMasterDbContext(DbContextOptions<DagMasterDbContext> options, IPublisher? publisher = null)
    : DbContext(options), IUnitOfWork, IReadModel
{
    public const string Schema = "dagmaster";

    public DbSet<WorkflowVersion> WorkflowVersionSet => Set<WorkflowVersion>();

    IQueryable<WorkflowVersion> IReadModel.WorkflowVersions => WorkflowVersionSet.AsNoTracking();

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        // Handlers of domain events may change more aggregates and raise more events: publish until quiet.
        while (ChangeTracker.Entries<Entity>().SelectMany(e => e.Entity.DomainEvents).Any())
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

        await SaveChangesAsync(cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DagMasterDbContext).Assembly);
    }
}
