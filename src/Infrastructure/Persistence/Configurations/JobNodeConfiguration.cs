using DagMaster.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DagMaster.Infrastructure.Persistence.Configurations;

internal sealed class JobNodeConfiguration : IEntityTypeConfiguration<JobNode>
{
    public void Configure(EntityTypeBuilder<JobNode> builder)
    {
        builder.ToTable("job_nodes");
        builder.HasKey(n => new { n.JobId, n.NodeId });
        builder.Property(n => n.JobId).HasColumnName("job_id").HasConversion(id => id.Value, value => new JobId(value));
        builder.Property(n => n.NodeId).HasColumnName("node_id").HasMaxLength(160);
        builder.Property(n => n.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Attempt).HasColumnName("attempt");
        builder.Property(n => n.TaskId).HasColumnName("task_id").HasMaxLength(256);
        builder.Property(n => n.OutputJson).HasColumnName("output").HasColumnType("jsonb");
        builder.Property(n => n.Error).HasColumnName("error");
        builder.Property(n => n.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(n => n.LeaseExpiresAt).HasColumnName("lease_expires_at");
        builder.Property(n => n.ReadyAt).HasColumnName("ready_at");
        builder.Property(n => n.DispatchedAt).HasColumnName("dispatched_at");
        builder.Property(n => n.StartedAt).HasColumnName("started_at");
        builder.Property(n => n.CompletedAt).HasColumnName("completed_at");
        builder.Property(n => n.ParentNodeId).HasColumnName("parent_node_id").HasMaxLength(64);
        builder.Property(n => n.Index).HasColumnName("index");
        builder.Property(n => n.ParamsJson).HasColumnName("params").HasColumnType("jsonb");
        builder.Property(n => n.CheckpointJson).HasColumnName("checkpoint").HasColumnType("jsonb");
        builder.Property(n => n.ProgressJson).HasColumnName("progress").HasColumnType("jsonb");
        builder.Property(n => n.AttemptOffset).HasColumnName("attempt_offset");
        builder.Property(n => n.ChildrenTotal).HasColumnName("children_total");
        builder.Property(n => n.ChildrenActive).HasColumnName("children_active");
        builder.Property(n => n.ChildrenCompleted).HasColumnName("children_completed");
        builder.Property(n => n.WorkerId).HasColumnName("worker_id").HasMaxLength(256);
        builder.Property(n => n.DurationMs).HasColumnName("duration_ms");
        builder.Ignore(n => n.IsRetryScheduled);
        builder.Ignore(n => n.AttemptsThisRun);
        builder.Ignore(n => n.ChildrenWaiting);

        // A job's workflow nodes without its fan-out children (loaded by every step).
        builder.HasIndex(n => n.JobId, "ix_job_nodes_workflow_nodes").HasFilter("parent_node_id IS NULL");

        // A fan-out's children in index order (fan-in, listings), and its waiting children for max_parallel refills.
        builder.HasIndex(n => new { n.JobId, n.ParentNodeId, n.Index }, "ix_job_nodes_children")
            .HasFilter("parent_node_id IS NOT NULL");
        builder.HasIndex(n => new { n.JobId, n.ParentNodeId, n.Index }, "ix_job_nodes_waiting_children")
            .HasFilter("parent_node_id IS NOT NULL AND status = 'Ready'");

        // The sweep finds due retries without scanning finished nodes.
        builder.HasIndex(n => n.NextAttemptAt).HasDatabaseName("ix_job_nodes_due_retries").HasFilter("status = 'Failed' AND next_attempt_at IS NOT NULL");
    }
}
