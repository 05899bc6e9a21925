namespace DagMaster.Application.Workflows.GetWorkflow;

public sealed record WorkflowRetryDto(int MaxAttempts, string Backoff, double InitialDelaySeconds, double MaxDelaySeconds);
