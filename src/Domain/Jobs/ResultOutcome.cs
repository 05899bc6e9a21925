namespace DagMaster.Domain.Jobs;

/// <summary>What applying a worker's result did.</summary>
public enum ResultOutcome
{
    Applied = 0,

    /// <summary>The result carried an earlier or unknown attempt's task id; recorded and ignored.</summary>
    Stale = 1,

    /// <summary>The node was already terminal (a duplicate, or the job ended meanwhile); recorded and ignored.</summary>
    Ignored = 2,
}
