namespace DagMaster.Worker.Client;

/// <summary>The <c>error</c> of a failure report: <c>{message, type, retryable}</c>.</summary>
public sealed record TaskError(string Message, string Type, bool Retryable);
