namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>The system clock moved by a fixed offset: an instance whose clock runs ahead (or behind).</summary>
public sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
