using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using DagMaster.Application.Abstractions;
using Microsoft.Extensions.Options;

namespace DagMaster.Infrastructure.Platforms.Webhooks;

/// <summary>
/// POSTs the callback body as JSON with <c>X-DagMaster-Signature: sha256=&lt;hex HMAC-SHA256 of the body with the
/// platform's secret&gt;</c>, <c>X-DagMaster-Delivery</c> and <c>X-DagMaster-Event</c>.
/// </summary>
internal sealed class HmacWebhookSender(IOptions<WebhookOptions> options) : IWebhookSender, IDisposable
{
    public const string SignatureHeader = "X-DagMaster-Signature";
    public const string DeliveryHeader = "X-DagMaster-Delivery";
    public const string EventHeader = "X-DagMaster-Event";

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
    {
        Timeout = options.Value.Timeout,
    };

    public IReadOnlyList<TimeSpan> RetryDelays => options.Value.RetryDelays;

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public async Task<(int? StatusCode, string? Error)> SendAsync(
        Uri url, string signingSecret, Guid deliveryId, string eventName, string payloadJson, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(payloadJson);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SignatureHeader, Sign(signingSecret, body));
        request.Headers.Add(DeliveryHeader, deliveryId.ToString());
        request.Headers.Add(EventHeader, eventName);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return (status, status is >= 200 and < 300 ? null : $"HTTP {status} {response.ReasonPhrase}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, ex.Message);
        }
    }

    public void Dispose() => _http.Dispose();
}
