using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DagMaster.WebApi.Infrastructure;

internal static class ForwardedHeadersRegistration
{
    /// <summary>
    /// Behind a TLS-terminating proxy (Azure Container Apps, App Gateway, nginx) the request DagMaster sees is plain
    /// http: X-Forwarded-Proto/-For/-Host from the proxies named in FORWARDED_HEADERS_KNOWN_PROXIES (addresses) or
    /// FORWARDED_HEADERS_KNOWN_NETWORKS (CIDR) restore the original, so cookies are Secure and the OpenID Connect
    /// redirect URI is https. Loopback proxies are trusted as ASP.NET Core does by default.
    /// </summary>
    public static IServiceCollection AddForwardedHeadersFromConfiguration(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = List(configuration, "FORWARDED_HEADERS_KNOWN_PROXIES")
            .Select(p => IPAddress.TryParse(p, out var address) ? address : throw new InvalidOperationException($"FORWARDED_HEADERS_KNOWN_PROXIES: '{p}' is not an IP address."))
            .ToList();
        var networks = List(configuration, "FORWARDED_HEADERS_KNOWN_NETWORKS")
            .Select(n => System.Net.IPNetwork.TryParse(n, out var network) ? network : throw new InvalidOperationException($"FORWARDED_HEADERS_KNOWN_NETWORKS: '{n}' is not a CIDR network."))
            .ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    private static IEnumerable<string> List(IConfiguration configuration, string name) =>
        (configuration[name] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
