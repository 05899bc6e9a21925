namespace DagMaster.Application.Common.Exceptions;

/// <summary>
/// Another request created the same row (same key) between this request's read and its commit, so nothing of
/// this request was written; sending it again sees the other request's result.
/// </summary>
public sealed class ConcurrentWriteException(string what, Exception inner)
    : Exception($"A concurrent request wrote the same {what} first; nothing of this request was saved. Retry the request.", inner);
