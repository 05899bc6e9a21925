namespace DagMaster.Client;

/// <summary>The hand-written half of the generated client: construction from <see cref="DagMasterClientOptions"/>.</summary>
public partial class DagMasterClient : IDisposable
{
    private readonly string? _apiKey;
    private readonly Uri? _root;
    private readonly HttpClient? _ownedHttpClient;

    /// <summary>A client with an <see cref="HttpClient"/> of its own, disposed with it.</summary>
    public DagMasterClient(DagMasterClientOptions options)
        : this(new HttpClient(), options)
    {
        _ownedHttpClient = _httpClient;
        if (options.Timeout is { } timeout)
        {
            _ownedHttpClient.Timeout = timeout;
        }
    }

    /// <summary>
    /// A client over a given <see cref="HttpClient"/> (for example one from <c>IHttpClientFactory</c>): the options' key
    /// and base address go on each request, so the <see cref="HttpClient"/> itself is left as it is, and it is not
    /// disposed by this client. Without a base address in the options, the <see cref="HttpClient"/>'s is used.
    /// </summary>
    public DagMasterClient(HttpClient httpClient, DagMasterClientOptions options)
        : this(httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        _apiKey = options.ApiKey;
        _root = options.RootAddress;
    }

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        if (_root is not null && request.RequestUri is { IsAbsoluteUri: false } relative)
        {
            request.RequestUri = new Uri(_root, relative);
        }

        if (_apiKey is not null && !request.Headers.Contains(DagMasterClientOptions.ApiKeyHeader))
        {
            request.Headers.Add(DagMasterClientOptions.ApiKeyHeader, _apiKey);
        }
    }

    public void Dispose()
    {
        _ownedHttpClient?.Dispose();
        GC.SuppressFinalize(this);
    }
}
