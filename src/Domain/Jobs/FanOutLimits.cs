namespace DagMaster.Domain.Jobs;

/// <summary>
/// Bounds on fan-outs, set by the deployment: the most children one fan-out may create (checked before any is
/// created; FANOUT_MAX_CHILDREN) and how many run at once when the workflow sets no <c>max_parallel</c>
/// (FANOUT_DEFAULT_MAX_PARALLEL).
/// </summary>
public sealed record FanOutLimits(int MaxChildren, int DefaultMaxParallel)
{
    public const int DefaultMaxChildren = 100_000;

    public const int DefaultDefaultMaxParallel = 10_000;

    public static FanOutLimits Default { get; } = new(DefaultMaxChildren, DefaultDefaultMaxParallel);
}
