using DagMaster.Domain.Platforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DagMaster.Infrastructure.Persistence.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(d => d.PlatformId).HasColumnName("platform_id").HasMaxLength(64).IsRequired();
        builder.Property(d => d.Event).HasColumnName("event").HasMaxLength(64).IsRequired();
        builder.Property(d => d.RequestId).HasColumnName("request_id").HasMaxLength(128);
        builder.Property(d => d.PayloadJson).HasColumnName("payload").IsRequired();
        builder.Property(d => d.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Attempts).HasColumnName("attempts");
        builder.Property(d => d.LastStatusCode).HasColumnName("last_status_code");
        builder.Property(d => d.LastError).HasColumnName("last_error");
        builder.Property(d => d.CreatedAt).HasColumnName("created_at");
        builder.Property(d => d.EnqueuedAt).HasColumnName("enqueued_at");
        builder.Property(d => d.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(d => d.CompletedAt).HasColumnName("completed_at");
        builder.Ignore(d => d.DomainEvents);
        builder.HasIndex(d => new { d.PlatformId, d.CreatedAt }).HasDatabaseName("ix_webhook_deliveries_platform").IsDescending(false, true);
        builder.HasIndex(d => d.CreatedAt).HasDatabaseName("ix_webhook_deliveries_pending").HasFilter("status = 'Pending'");
    }
}
