using DagMaster.Domain.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DagMaster.Infrastructure.Persistence.Configurations;

internal sealed class AssetEventConfiguration : IEntityTypeConfiguration<AssetEvent>
{
    public void Configure(EntityTypeBuilder<AssetEvent> builder)
    {
        builder.ToTable("asset_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(e => e.AssetId).HasColumnName("asset_id").HasMaxLength(32).HasConversion(id => id.Value, value => new AssetId(value));
        builder.Property(e => e.Type).HasColumnName("type").HasMaxLength(32).IsRequired();
        builder.Property(e => e.VersionOrdinal).HasColumnName("version_ordinal");
        builder.Property(e => e.DataJson).HasColumnName("data").HasColumnType("jsonb");
        builder.Property(e => e.Actor).HasColumnName("actor").HasMaxLength(128);
        builder.Property(e => e.OccurredAt).HasColumnName("occurred_at");
        builder.HasIndex(e => new { e.AssetId, e.Id }).HasDatabaseName("ix_asset_events_asset");
    }
}
