namespace DagMaster.Domain.Workflows.Drafts;

public sealed record RetryDraft : DraftElement
{
    public int? MaxAttempts { get; init; }

    public string? Backoff { get; init; }

    public double? InitialDelaySeconds { get; init; }

    public double? MaxDelaySeconds { get; init; }
}
