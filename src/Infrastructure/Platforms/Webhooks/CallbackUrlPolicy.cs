using System.Net;
using System.Net.Sockets;
using DagMaster.Application.Abstractions;
using Microsoft.Extensions.Options;

namespace DagMaster.Infrastructure.Platforms.Webhooks;

/// <summary>
/// A callback URL must be https and its host must resolve to public addresses only, so a platform cannot make
/// DagMaster call into its own network (169.254.169.254, 10.0.0.0/8, localhost, …). WEBHOOK_ALLOW_PRIVATE_NETWORKS
/// lifts both for development and tests. The address is checked again when each callback connects
/// (<see cref="HmacWebhookSender"/>), since a name may resolve elsewhere later.
/// </summary>
internal sealed class CallbackUrlPolicy(IOptions<WebhookOptions> options) : ICallbackUrlPolicy
{
    private static readonly TimeSpan s_resolveTimeout = TimeSpan.FromSeconds(5);

    public async Task<string?> ProblemAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "'callback_url' must be an absolute https URL";
        }

        if (options.Value.AllowPrivateNetworks)
        {
            return null;
        }

        if (uri.Scheme != "https")
        {
            return "'callback_url' must use https";
        }

        var addresses = await ResolveAsync(uri.IdnHost, cancellationToken);
        if (addresses is null || addresses.Length == 0)
        {
            return $"'callback_url' host '{uri.Host}' does not resolve";
        }

        return addresses.All(NetworkAddresses.IsPublic)
            ? null
            : $"'callback_url' host '{uri.Host}' is not a public address (private, loopback, link-local and reserved networks are refused)";
    }

    private static async Task<IPAddress[]?> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_resolveTimeout);
        try
        {
            return await Dns.GetHostAddressesAsync(host, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }
}
