namespace DagMaster.Domain.Jobs;

/// <summary>What a job asks storage for before it can go on with a fan-out.</summary>
public enum FanOutDemandKind
{
    /// <summary>Up to <see cref="FanOutDemand.Count"/> waiting children of the fan-out, lowest index first.</summary>
    WaitingChildren,

    /// <summary>The outputs of every completed child of the fan-out, in index order (for its fan-in).</summary>
    ChildOutputs,
}

public sealed record FanOutDemand(string FanOutId, FanOutDemandKind Kind, int Count);
