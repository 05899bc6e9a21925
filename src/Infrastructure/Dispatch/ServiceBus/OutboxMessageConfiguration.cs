using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DagMaster.Infrastructure.Dispatch.ServiceBus;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("task_outbox");
        builder.HasKey(m => m.TaskId);
        builder.Property(m => m.TaskId).HasColumnName("task_id").HasMaxLength(256);
        builder.Property(m => m.JobId).HasColumnName("job_id");
        builder.Property(m => m.NodeId).HasColumnName("node_id").HasMaxLength(160);
        builder.Property(m => m.Queue).HasColumnName("queue").HasMaxLength(260);
        builder.Property(m => m.Handler).HasColumnName("handler").HasMaxLength(128);
        builder.Property(m => m.Attempt).HasColumnName("attempt");
        builder.Property(m => m.TimeoutSeconds).HasColumnName("timeout_seconds");
        builder.Property(m => m.CorrelationId).HasColumnName("correlation_id").HasMaxLength(256);
        builder.Property(m => m.Body).HasColumnName("body");
        builder.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(64);
        builder.Property(m => m.CreatedAt).HasColumnName("created_at");
        builder.Property(m => m.SentAt).HasColumnName("sent_at");

        // The relay reads unsent rows oldest first; the sweep reads sent rows for timeouts; a job's end deletes its rows.
        builder.HasIndex(m => m.CreatedAt).HasDatabaseName("ix_task_outbox_unsent").HasFilter("sent_at IS NULL");
        builder.HasIndex(m => m.SentAt).HasDatabaseName("ix_task_outbox_sent").HasFilter("sent_at IS NOT NULL");
        builder.HasIndex(m => m.JobId).HasDatabaseName("ix_task_outbox_job");
    }
}
