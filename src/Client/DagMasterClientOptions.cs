namespace DagMaster.Client;

/// <summary>Where DagMaster is and which key to send.</summary>
public sealed class DagMasterClientOptions
{
    /// <summary>The header DagMaster reads platform and operator keys from.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The service's root, e.g. <c>https://dagmaster.example.com/</c> (the client adds <c>api/v1/…</c>).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>A platform API key (its own platform only) or an operator key; sent as <c>X-Api-Key</c> on every call.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one call may take on a client's own <see cref="HttpClient"/>; <c>null</c> keeps its 100 seconds.</summary>
    public TimeSpan? Timeout { get; set; }

    internal Uri? RootAddress => BaseAddress is null || BaseAddress.AbsoluteUri.EndsWith('/')
        ? BaseAddress
        : new Uri(BaseAddress.AbsoluteUri + "/");
}
