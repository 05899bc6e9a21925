namespace DagMaster.Application.Abstractions;

/// <summary>Whether a running attempt has run out, by the database's clock.</summary>
public enum AttemptExpiry
{
    /// <summary>Still within its lease and timeout, or no longer held by a worker.</summary>
    Current = 0,

    /// <summary>No heartbeat extended its lease in time.</summary>
    LeaseLapsed = 1,

    /// <summary>It ran past its <c>timeout_seconds</c>.</summary>
    TimedOut = 2,
}
