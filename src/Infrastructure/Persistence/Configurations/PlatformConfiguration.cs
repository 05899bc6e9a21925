using DagMaster.Domain.Platforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DagMaster.Infrastructure.Persistence.Configurations;

internal sealed class PlatformConfiguration : IEntityTypeConfiguration<Platform>
{
    public void Configure(EntityTypeBuilder<Platform> builder)
    {
        builder.ToTable("platforms");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasColumnName("platform_id").HasMaxLength(64);
        builder.Property(p => p.DisplayName).HasColumnName("display_name").HasMaxLength(128).IsRequired();
        builder.Property(p => p.Description).HasColumnName("description");
        builder.Property(p => p.RequiredRefs).HasColumnName("required_refs").AsJsonb().IsRequired();
        builder.Property(p => p.OptionalRefs).HasColumnName("optional_refs").AsJsonb().IsRequired();
        builder.Property(p => p.VersionRef).HasColumnName("version_ref").HasMaxLength(64);
        builder.Property(p => p.Workflows).HasColumnName("workflows").AsJsonb().IsRequired();
        builder.Property(p => p.CallbackUrl).HasColumnName("callback_url").HasMaxLength(2048);
        builder.Property(p => p.AllowedWorkflows).HasColumnName("allowed_workflows").AsJsonb().IsRequired();
        builder.Property(p => p.MaxPriority).HasColumnName("max_priority");
        builder.Property(p => p.MaxRunningJobs).HasColumnName("max_running_jobs");
        builder.Property(p => p.ProtectedSigningSecret).HasColumnName("signing_secret").HasMaxLength(1024).IsRequired();
        builder.Property(p => p.IsActive).HasColumnName("is_active");
        builder.Property(p => p.CreatedAt).HasColumnName("created_at");
        builder.Property(p => p.UpdatedAt).HasColumnName("updated_at");
        builder.Ignore(p => p.DomainEvents);
        builder.HasMany(p => p.ApiKeys).WithOne().HasForeignKey(k => k.PlatformId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.ApiKeys).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
