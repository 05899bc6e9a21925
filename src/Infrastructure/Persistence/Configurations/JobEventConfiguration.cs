using DagMaster.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DagMaster.Infrastructure.Persistence.Configurations;

internal sealed class JobEventConfiguration : IEntityTypeConfiguration<JobEvent>
{
    public void Configure(EntityTypeBuilder<JobEvent> builder)
    {
        builder.ToTable("job_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(e => e.JobId).HasColumnName("job_id").HasConversion(id => id.Value, value => new JobId(value));
        builder.Property(e => e.Type).HasColumnName("type").HasMaxLength(32).IsRequired();
        builder.Property(e => e.NodeId).HasColumnName("node_id").HasMaxLength(160);
        builder.Property(e => e.DataJson).HasColumnName("data").HasColumnType("jsonb");
        builder.Property(e => e.Actor).HasColumnName("actor").HasMaxLength(128);
        builder.Property(e => e.OccurredAt).HasColumnName("occurred_at");
        builder.HasIndex(e => new { e.JobId, e.Id }).HasDatabaseName("ix_job_events_job");
    }
}
