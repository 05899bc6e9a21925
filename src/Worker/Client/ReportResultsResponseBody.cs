namespace DagMaster.Worker.Client;

internal sealed record ReportResultsResponseBody(IReadOnlyList<TaskResultOutcome>? Results);
