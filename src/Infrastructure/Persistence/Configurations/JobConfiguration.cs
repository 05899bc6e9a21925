using DagMaster.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DagMaster.Infrastructure.Persistence.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).HasColumnName("id").HasConversion(id => id.Value, value => new JobId(value));
        builder.Property(j => j.WorkflowId).HasColumnName("workflow_id").HasMaxLength(64).IsRequired();
        builder.Property(j => j.WorkflowVersion).HasColumnName("workflow_version");
        builder.Property(j => j.WorkflowContentHash).HasColumnName("workflow_content_hash").HasMaxLength(64).IsRequired();
        builder.Property(j => j.InputsJson).HasColumnName("inputs").HasColumnType("jsonb").IsRequired();
        builder.Property(j => j.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Priority).HasColumnName("priority");
        builder.Property(j => j.CorrelationId).HasColumnName("correlation_id").HasMaxLength(256);
        builder.Property(j => j.TraceParent).HasColumnName("trace_parent").HasMaxLength(64);
        builder.Property(j => j.PlatformId).HasColumnName("platform_id").HasMaxLength(64);
        builder.Property(j => j.ExternalRefsJson).HasColumnName("external_refs").HasColumnType("jsonb");
        builder.Property(j => j.IdempotencyScope).HasColumnName("idempotency_scope").HasMaxLength(128);
        builder.Property(j => j.IdempotencyKey).HasColumnName("idempotency_key").HasMaxLength(256);
        builder.Property(j => j.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
        builder.Property(j => j.ResultJson).HasColumnName("result").HasColumnType("jsonb");
        builder.Property(j => j.Error).HasColumnName("error");
        builder.Property(j => j.FailedNodeId).HasColumnName("failed_node_id").HasMaxLength(160);
        builder.Property(j => j.SubmittedBy).HasColumnName("submitted_by").HasMaxLength(128);
        builder.Property(j => j.CreatedAt).HasColumnName("created_at");
        builder.Property(j => j.StartedAt).HasColumnName("started_at");
        builder.Property(j => j.CompletedAt).HasColumnName("completed_at");
        builder.Property(j => j.Deadline).HasColumnName("deadline");
        builder.Property(j => j.UpdatedAt).HasColumnName("updated_at");
        builder.Ignore(j => j.DomainEvents);
        builder.Ignore(j => j.PendingDispatches);
        builder.Ignore(j => j.WithdrawQueuedTasks);

        // Node states are read and written by hand on the step path (JobRepository, LoadedNodeRows), never
        // through EF's change tracker: tracking a job's hundreds of nodes cost more than the step itself.
        builder.Ignore(j => j.Nodes);
        builder.HasMany<JobNode>().WithOne().HasForeignKey(n => n.JobId).OnDelete(DeleteBehavior.Cascade);

        // Timeline entries are appended in bulk at commit (BulkWrites), never loaded with the job.
        builder.Ignore(j => j.Events);
        builder.HasMany<JobEvent>().WithOne().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);

        // Keyset paging newest first, alone or filtered; ids are UUID v7 so they sort with creation time.
        builder.HasIndex(j => new { j.CreatedAt, j.Id }).HasDatabaseName("ix_jobs_created").IsDescending(true, true);
        builder.HasIndex(j => new { j.Status, j.CreatedAt, j.Id }).HasDatabaseName("ix_jobs_status_created").IsDescending(false, true, true);
        builder.HasIndex(j => new { j.WorkflowId, j.CreatedAt, j.Id }).HasDatabaseName("ix_jobs_workflow_created").IsDescending(false, true, true);
        builder.HasIndex(j => new { j.PlatformId, j.CreatedAt, j.Id }).HasDatabaseName("ix_jobs_platform_created").IsDescending(false, true, true);
        // A platform's jobs in one status (its running work) would otherwise be found by reading every job of the platform.
        builder.HasIndex(j => new { j.PlatformId, j.Status, j.CreatedAt, j.Id }).HasDatabaseName("ix_jobs_platform_status_created").IsDescending(false, false, true, true);
        // Likewise a workflow's jobs in one status ("the failed runs of X"): with only the single-column orders the
        // planner walks the newest jobs of every kind until enough match (25,000 rows, 15 ms, with 1,000,000 stored).
        builder.HasIndex(j => new { j.WorkflowId, j.Status, j.CreatedAt, j.Id }).HasDatabaseName("ix_jobs_workflow_status_created").IsDescending(false, false, true, true);
        builder.HasIndex(j => new { j.CorrelationId, j.CreatedAt, j.Id }).HasDatabaseName("ix_jobs_correlation_created").IsDescending(false, true, true);
        builder.HasIndex(j => new { j.IdempotencyScope, j.IdempotencyKey }).HasDatabaseName("ux_jobs_idempotency").IsUnique()
            .HasFilter("idempotency_key IS NOT NULL");
        builder.HasIndex(j => j.ExternalRefsJson).HasDatabaseName("ix_jobs_external_refs").HasMethod("gin").HasOperators("jsonb_path_ops");
        // The admin dashboard's completions per minute read only the last minutes.
        builder.HasIndex(j => j.CompletedAt).HasDatabaseName("ix_jobs_completed").HasFilter("completed_at IS NOT NULL");
        builder.HasIndex(j => j.Deadline).HasDatabaseName("ix_jobs_deadline").HasFilter("status = 'Running' AND deadline IS NOT NULL");
    }
}
