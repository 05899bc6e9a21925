namespace DagMaster.Infrastructure.Jobs.Retention;

/// <summary>RETENTION_DAYS (0: keep every job), RETENTION_BATCH_SIZE, RETENTION_CRON.</summary>
public sealed class RetentionOptions
{
    public int Days { get; set; } = 30;

    public int BatchSize { get; set; } = 1_000;

    /// <summary>Batches per run at most, so one run stays bounded; what is left waits for the next run.</summary>
    public int MaxBatches { get; set; } = 100;

    /// <summary>When the retention runs (Hangfire cron, UTC); hourly by default.</summary>
    public string Cron { get; set; } = "17 * * * *";
}
