namespace DagMaster.Application.Abstractions;

/// <summary>POSTs a signed callback body; answers the HTTP status, or null with an error when none came back.</summary>
public interface IWebhookSender
{
    /// <summary>The delay before each retry; their count is the number of retries after the first attempt.</summary>
    IReadOnlyList<TimeSpan> RetryDelays { get; }

    Task<(int? StatusCode, string? Error)> SendAsync(
        Uri url, string signingSecret, Guid deliveryId, string eventName, string payloadJson, CancellationToken cancellationToken);
}
