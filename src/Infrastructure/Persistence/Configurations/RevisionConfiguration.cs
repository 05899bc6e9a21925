using DagMaster.Domain.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DagMaster.Infrastructure.Persistence.Configurations;

internal sealed class RevisionConfiguration : IEntityTypeConfiguration<Revision>
{
    public void Configure(EntityTypeBuilder<Revision> builder)
    {
        builder.ToTable("asset_revisions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(r => r.VersionId).HasColumnName("version_id");
        builder.Property(r => r.AssetId).HasColumnName("asset_id").HasMaxLength(32).HasConversion(id => id.Value, value => new AssetId(value));
        builder.Property(r => r.PlatformId).HasColumnName("platform_id").HasMaxLength(64).IsRequired();
        builder.Property(r => r.Number).HasColumnName("revision");
        builder.Property(r => r.RequestId).HasColumnName("request_id").HasMaxLength(128).IsRequired();
        builder.Property(r => r.JobId).HasColumnName("job_id");
        builder.Property(r => r.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ArtifactsJson).HasColumnName("artifacts").HasColumnType("jsonb");
        builder.Property(r => r.Error).HasColumnName("error");
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.Property(r => r.CompletedAt).HasColumnName("completed_at");
        builder.HasIndex(r => new { r.PlatformId, r.RequestId }).HasDatabaseName("ux_asset_revisions_request").IsUnique();
        builder.HasIndex(r => r.JobId).HasDatabaseName("ux_asset_revisions_job").IsUnique();
        builder.HasIndex(r => new { r.VersionId, r.Number }).HasDatabaseName("ux_asset_revisions_number").IsUnique();
    }
}
