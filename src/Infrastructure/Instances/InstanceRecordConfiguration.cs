using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DagMaster.Infrastructure.Instances;

internal sealed class InstanceRecordConfiguration : IEntityTypeConfiguration<InstanceRecord>
{
    public void Configure(EntityTypeBuilder<InstanceRecord> builder)
    {
        builder.ToTable("instances");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasColumnName("instance_id").HasMaxLength(64);
        builder.Property(i => i.HostName).HasColumnName("host_name").HasMaxLength(256).IsRequired();
        builder.Property(i => i.ProcessId).HasColumnName("process_id");
        builder.Property(i => i.Version).HasColumnName("version").HasMaxLength(128).IsRequired();
        builder.Property(i => i.StartedAt).HasColumnName("started_at");
        builder.Property(i => i.LastSeenAt).HasColumnName("last_seen_at");
        builder.HasIndex(i => i.LastSeenAt).HasDatabaseName("ix_instances_last_seen");
    }
}
