namespace DagMaster.Domain.Workflows;

/// <summary>
/// How a failed task is retried. <see cref="MaxAttempts"/> counts every attempt, the first included.
/// </summary>
public sealed record RetryPolicy(int MaxAttempts, BackoffKind Backoff, double InitialDelaySeconds, double MaxDelaySeconds)
{
    public const int MaxAttemptsLimit = 20;

    public static RetryPolicy Default { get; } = new(3, BackoffKind.Exponential, 5, 300);

    /// <summary>The delay before the next attempt after <paramref name="attemptsMade"/> attempts, without jitter.</summary>
    public TimeSpan DelayAfter(int attemptsMade)
    {
        var n = Math.Max(1, attemptsMade);
        var seconds = Backoff switch
        {
            BackoffKind.Fixed => InitialDelaySeconds,
            BackoffKind.Linear => InitialDelaySeconds * n,
            _ => InitialDelaySeconds * Math.Pow(2, n - 1),
        };
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxDelaySeconds));
    }
}
