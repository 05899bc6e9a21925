using DagMaster.Domain.Platforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DagMaster.Infrastructure.Persistence.Configurations;

internal sealed class PlatformApiKeyConfiguration : IEntityTypeConfiguration<PlatformApiKey>
{
    public void Configure(EntityTypeBuilder<PlatformApiKey> builder)
    {
        builder.ToTable("platform_api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(k => k.PlatformId).HasColumnName("platform_id").HasMaxLength(64);
        builder.Property(k => k.Name).HasColumnName("name").HasMaxLength(128).IsRequired();
        builder.Property(k => k.KeyHash).HasColumnName("key_hash").HasMaxLength(64).IsRequired();
        builder.Property(k => k.Prefix).HasColumnName("prefix").HasMaxLength(96).IsRequired();
        builder.Property(k => k.CreatedAt).HasColumnName("created_at");
        builder.Property(k => k.RevokedAt).HasColumnName("revoked_at");
        builder.Ignore(k => k.IsRevoked);
        builder.HasIndex(k => k.KeyHash).HasDatabaseName("ux_platform_api_keys_hash").IsUnique();
    }
}
