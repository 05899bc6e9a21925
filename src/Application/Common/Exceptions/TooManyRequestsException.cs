namespace DagMaster.Application.Common.Exceptions;

/// <summary>A limit on how much a caller may have going at once was reached: 429 with <c>Retry-After</c>.</summary>
public sealed class TooManyRequestsException(string message, int retryAfterSeconds) : Exception(message)
{
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}
