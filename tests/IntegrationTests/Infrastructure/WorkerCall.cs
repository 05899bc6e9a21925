namespace DagMaster.IntegrationTests.Infrastructure;

/// <summary>
/// A call a worker made, as <see cref="WorkerCallRecorder"/> saw it: its kind, the tasks it named, the status it was
/// answered, each task's outcome (for an answered <c>results</c> call), and whether it reached DagMaster.
/// </summary>
public sealed record WorkerCall(string Call, IReadOnlyList<string> TaskIds, int Status, IReadOnlyDictionary<string, string> Outcomes, bool ReachedDagMaster);
