namespace DagMaster.Worker;

/// <summary>
/// A deliberate task failure: the host reports it with this <see cref="ErrorType"/> and <see cref="Retryable"/> flag
/// (e.g. a corrupt input file is <c>retryable: false</c>, a busy dependency is <c>retryable: true</c>).
/// </summary>
public sealed class TaskFailedException(string message, string type = TaskFailedException.DefaultType, bool retryable = true, Exception? innerException = null)
    : Exception(message, innerException)
{
    public const string DefaultType = "task_failed";

    /// <summary>The error type reported to DagMaster (<c>error.type</c>).</summary>
    public string ErrorType { get; } = string.IsNullOrWhiteSpace(type) ? DefaultType : type;

    /// <summary>Whether DagMaster may retry the task (<c>error.retryable</c>).</summary>
    public bool Retryable { get; } = retryable;

    /// <summary>A non-retryable failure for parameters the handler cannot work with.</summary>
    public static TaskFailedException InvalidParams(string message) => new(message, "invalid_params", retryable: false);
}
