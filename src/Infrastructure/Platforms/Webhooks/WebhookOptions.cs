namespace DagMaster.Infrastructure.Platforms.Webhooks;

public sealed class WebhookOptions
{
    /// <summary>WEBHOOK_RETRY_DELAYS_SECONDS: the delay before each retry (default 10, 60, 300, 1800, 7200 s).</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; set; } = [.. new[] { 10, 60, 300, 1800, 7200 }.Select(s => TimeSpan.FromSeconds(s))];

    /// <summary>WEBHOOK_TIMEOUT_SECONDS: how long one attempt may take (default 10 s).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// WEBHOOK_ALLOW_PRIVATE_NETWORKS (default false): callbacks may use http and go to loopback, private and
    /// link-local addresses. For development and tests only.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How often the outbox is swept for callbacks to hand to Hangfire.</summary>
    public TimeSpan OutboxInterval { get; set; } = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<TimeSpan>? ParseDelays(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var delays = new List<TimeSpan>(parts.Length);
        foreach (var part in parts)
        {
            if (!double.TryParse(part, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds < 0)
            {
                throw new InvalidOperationException($"WEBHOOK_RETRY_DELAYS_SECONDS must be comma-separated seconds, not '{text}'");
            }

            delays.Add(TimeSpan.FromSeconds(seconds));
        }

        return delays;
    }
}
