using DagMaster.Domain.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DagMaster.Infrastructure.Persistence.Configurations;

internal sealed class WorkflowVersionConfiguration : IEntityTypeConfiguration<WorkflowVersion>
{
    public void Configure(EntityTypeBuilder<WorkflowVersion> builder)
    {
        builder.ToTable("workflow_versions");
        builder.HasKey(w => new { w.WorkflowId, w.Version });
        builder.Property(w => w.WorkflowId).HasColumnName("workflow_id").HasMaxLength(64);
        builder.Property(w => w.Version).HasColumnName("version");
        builder.Property(w => w.Name).HasColumnName("name").HasMaxLength(256).IsRequired();
        builder.Property(w => w.Description).HasColumnName("description");
        builder.Property(w => w.NodeCount).HasColumnName("node_count");
        builder.Property(w => w.ContentHash).HasColumnName("content_hash").HasMaxLength(64).IsRequired();
        builder.Property(w => w.Source).HasColumnName("source").IsRequired();
        builder.Property(w => w.SourceFile).HasColumnName("source_file").HasMaxLength(512);
        builder.Property(w => w.RegisteredAt).HasColumnName("registered_at");
        builder.Ignore(w => w.DomainEvents);
    }
}
