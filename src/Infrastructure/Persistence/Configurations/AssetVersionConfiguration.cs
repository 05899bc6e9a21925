using DagMaster.Domain.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DagMaster.Infrastructure.Persistence.Configurations;

internal sealed class AssetVersionConfiguration : IEntityTypeConfiguration<AssetVersion>
{
    public void Configure(EntityTypeBuilder<AssetVersion> builder)
    {
        builder.ToTable("asset_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(v => v.AssetId).HasColumnName("asset_id").HasMaxLength(32).HasConversion(id => id.Value, value => new AssetId(value));
        builder.Property(v => v.Ordinal).HasColumnName("ordinal");
        builder.Property(v => v.Label).HasColumnName("label").HasMaxLength(256);
        builder.Property(v => v.ApprovalState).HasColumnName("approval_state").HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.ReviewedBy).HasColumnName("reviewed_by").HasMaxLength(128);
        builder.Property(v => v.ReviewedAt).HasColumnName("reviewed_at");
        builder.Property(v => v.RejectionReason).HasColumnName("rejection_reason");
        builder.Property(v => v.CurrentRevision).HasColumnName("current_revision");
        builder.Property(v => v.CreatedAt).HasColumnName("created_at");
        builder.Ignore(v => v.Current);
        builder.Ignore(v => v.IsUnresolved);
        builder.HasMany(v => v.Revisions).WithOne().HasForeignKey(r => r.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(v => new { v.AssetId, v.Ordinal }).HasDatabaseName("ux_asset_versions_ordinal").IsUnique();
    }
}
