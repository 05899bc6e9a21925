using DagMaster.Domain.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DagMaster.Infrastructure.Persistence.Configurations;

internal sealed class GeospatialAssetConfiguration : IEntityTypeConfiguration<GeospatialAsset>
{
    public void Configure(EntityTypeBuilder<GeospatialAsset> builder)
    {
        builder.ToTable("assets");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("asset_id").HasMaxLength(32).HasConversion(id => id.Value, value => new AssetId(value));
        builder.Property(a => a.PlatformId).HasColumnName("platform_id").HasMaxLength(64).IsRequired();
        builder.Property(a => a.PlatformRefsJson).HasColumnName("platform_refs").HasColumnType("jsonb").IsRequired();
        builder.Property(a => a.Clearance).HasColumnName("clearance").HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ClearedBy).HasColumnName("cleared_by").HasMaxLength(128);
        builder.Property(a => a.ClearedAt).HasColumnName("cleared_at");
        builder.Property(a => a.IsDeleted).HasColumnName("is_deleted");
        builder.Property(a => a.DeletedBy).HasColumnName("deleted_by").HasMaxLength(128);
        builder.Property(a => a.DeletedAt).HasColumnName("deleted_at");
        builder.Property(a => a.CreatedAt).HasColumnName("created_at");
        builder.Property(a => a.UpdatedAt).HasColumnName("updated_at");
        builder.Ignore(a => a.DomainEvents);
        builder.Ignore(a => a.LatestApprovedOrdinal);

        builder.HasMany(a => a.Versions).WithOne().HasForeignKey(v => v.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Events).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(a => a.PlatformId).HasDatabaseName("ix_assets_platform");
        builder.HasIndex(a => a.PlatformRefsJson).HasDatabaseName("ix_assets_platform_refs").HasMethod("gin").HasOperators("jsonb_path_ops");
    }
}
