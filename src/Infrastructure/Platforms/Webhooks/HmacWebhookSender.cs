using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using DagMaster.Application.Abstractions;
using DagMaster.Application.Platforms.Common;
using Microsoft.Extensions.Options;

namespace DagMaster.Infrastructure.Platforms.Webhooks;

/// <summary>
/// POSTs the callback body as JSON with <c>X-DagMaster-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of
/// "t.body"&gt;</c> (<see cref="WebhookSignature"/>), <c>X-DagMaster-Delivery</c> and <c>X-DagMaster-Event</c>.
/// Each connection goes only to a public address of the callback's host (checked when connecting, so a name that
/// resolves elsewhere since it was registered gains nothing) unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is set. A failed
/// attempt is recorded with a short reason (connection refused, timed out, …), never the address or an exception's text.
/// </summary>
internal sealed class HmacWebhookSender : IWebhookSender, IDisposable
{
    public const string SignatureHeader = "X-DagMaster-Signature";
    public const string DeliveryHeader = "X-DagMaster-Delivery";
    public const string EventHeader = "X-DagMaster-Event";

    private readonly IOptions<WebhookOptions> _options;
    private readonly TimeProvider _clock;
    private readonly HttpClient _http;

    public HmacWebhookSender(IOptions<WebhookOptions> options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectCallback = ConnectAsync,
        })
        {
            Timeout = options.Value.Timeout,
        };
    }

    public IReadOnlyList<TimeSpan> RetryDelays => _options.Value.RetryDelays;

    public async Task<(int? StatusCode, string? Error)> SendAsync(
        Uri url, string signingSecret, Guid deliveryId, string eventName, string payloadJson, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(payloadJson);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SignatureHeader, WebhookSignature.Create(signingSecret, _clock.GetUtcNow(), body));
        request.Headers.Add(DeliveryHeader, deliveryId.ToString());
        request.Headers.Add(EventHeader, eventName);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return (status, status is >= 200 and < 300 ? null : $"HTTP {status}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, Reason(ex));
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>What a receiver's operator may read about a failed attempt: the kind of failure, nothing of our network.</summary>
    internal static string Reason(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case CallbackAddressException:
                    return "address not allowed (not a public address)";
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "connection refused";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return "host not found";
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                case TimeoutException:
                    return "timed out";
                case SocketException { SocketErrorCode: SocketError.NetworkUnreachable or SocketError.HostUnreachable }:
                    return "host unreachable";
                case AuthenticationException:
                    return "TLS handshake failed";
            }
        }

        return exception is TaskCanceledException ? "timed out" : "connection failed";
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = _options.Value.AllowPrivateNetworks ? addresses : addresses.Where(NetworkAddresses.IsPublic).ToArray();
        if (allowed.Length == 0 || allowed.Length != addresses.Length)
        {
            throw new CallbackAddressException();
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
