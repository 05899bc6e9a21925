namespace DagMaster.Worker.Client;

/// <summary>What DagMaster did with one result of a <c>results</c> call: <see cref="Outcome"/> is one of the constants.</summary>
public sealed record TaskResultOutcome(string TaskId, string Outcome)
{
    /// <summary>The result ended the task's current attempt.</summary>
    public const string Applied = "applied";

    /// <summary>The result is of an earlier attempt: acknowledged, changes nothing.</summary>
    public const string Stale = "stale";

    /// <summary>The task had already ended (a repeat): acknowledged, changes nothing.</summary>
    public const string Ignored = "ignored";

    /// <summary>DagMaster knows no such task (its job does not exist), as a 404 of <c>complete</c>/<c>fail</c> says.</summary>
    public const string NotFound = "not_found";
}
