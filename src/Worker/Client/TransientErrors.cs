using System.Net;

namespace DagMaster.Worker.Client;

/// <summary>Which failures of a call to DagMaster are worth retrying.</summary>
public static class TransientErrors
{
    /// <summary>
    /// True for connection failures (refused, reset, DNS), 5xx, 408 and 429 answers, and client-side timeouts;
    /// false for other 4xx answers, malformed answers, and cancellation through <paramref name="cancellationToken"/>.
    /// </summary>
    public static bool IsTransient(Exception exception, CancellationToken cancellationToken = default) => exception switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException { StatusCode: { } status } => (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        IOException => true,
        _ => false,
    };
}
