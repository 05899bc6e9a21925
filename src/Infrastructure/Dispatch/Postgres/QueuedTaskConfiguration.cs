using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DagMaster.Infrastructure.Dispatch.Postgres;

internal sealed class QueuedTaskConfiguration : IEntityTypeConfiguration<QueuedTask>
{
    public void Configure(EntityTypeBuilder<QueuedTask> builder)
    {
        builder.ToTable("task_queue");
        builder.HasKey(t => t.TaskId);
        builder.Property(t => t.TaskId).HasColumnName("task_id").HasMaxLength(256);
        builder.Property(t => t.JobId).HasColumnName("job_id");
        builder.Property(t => t.NodeId).HasColumnName("node_id").HasMaxLength(160);
        builder.Property(t => t.Queue).HasColumnName("queue").HasMaxLength(128);
        builder.Property(t => t.Handler).HasColumnName("handler").HasMaxLength(128);
        builder.Property(t => t.Priority).HasColumnName("priority");
        builder.Property(t => t.JobSequence).HasColumnName("job_sequence");
        builder.Property(t => t.Attempt).HasColumnName("attempt");
        builder.Property(t => t.TimeoutSeconds).HasColumnName("timeout_seconds");
        builder.Property(t => t.MaxAttempts).HasColumnName("max_attempts");
        builder.Property(t => t.EnqueuedAt).HasColumnName("enqueued_at");
        builder.Property(t => t.AvailableAt).HasColumnName("available_at");
        builder.Property(t => t.ClaimedBy).HasColumnName("claimed_by").HasMaxLength(128);
        builder.Property(t => t.ClaimedAt).HasColumnName("claimed_at");
        builder.Property(t => t.LeaseExpiresAt).HasColumnName("lease_expires_at");
        builder.Property(t => t.TraceParent).HasColumnName("trace_parent").HasMaxLength(64);

        // Claim order: priority, then each job's n-th task before any job's (n+1)-th, then age.
        builder.HasIndex(t => new { t.Queue, t.Priority, t.JobSequence, t.EnqueuedAt }).HasDatabaseName("ix_task_queue_claim")
            .IsDescending(false, true, false, false).HasFilter("claimed_by IS NULL");
        builder.HasIndex(t => t.LeaseExpiresAt).HasDatabaseName("ix_task_queue_leases").HasFilter("claimed_by IS NOT NULL");
        builder.HasIndex(t => t.JobId).HasDatabaseName("ix_task_queue_job");
    }
}
