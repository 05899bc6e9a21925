using System.Net;
using System.Net.Sockets;

namespace DagMaster.Infrastructure.Platforms.Webhooks;

/// <summary>
/// Whether an address is on the public internet: not loopback, private (RFC 1918, unique local), link-local (with
/// the cloud metadata address 169.254.169.254), shared (CGNAT), multicast, reserved, documentation or unspecified.
/// IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
/// </summary>
internal static class NetworkAddresses
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] is 0 or 10 or 127 || b[0] >= 224                      // this network, private, loopback, multicast and reserved
        || (b[0] == 100 && b[1] is >= 64 and <= 127)               // shared address space (CGNAT)
        || (b[0] == 169 && b[1] == 254)                            // link-local, cloud metadata
        || (b[0] == 172 && b[1] is >= 16 and <= 31)                // private
        || (b[0] == 192 && b[1] == 168)                            // private
        || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)            // IETF protocol assignments, documentation
        || (b[0] == 198 && b[1] is 18 or 19)                       // benchmarking
        || (b[0] == 198 && b[1] == 51 && b[2] == 100)              // documentation
        || (b[0] == 203 && b[1] == 0 && b[2] == 113));             // documentation

    private static bool IsPublicV6(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal || address.IsIPv6Teredo)
        {
            return false;
        }

        var b = address.GetAddressBytes();
        var documentation = b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8;   // 2001:db8::/32
        var nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b;          // 64:ff9b::/96 reaches IPv4 inside
        var globalUnicast = (b[0] & 0xe0) == 0x20;                                           // 2000::/3
        return globalUnicast && !documentation && !nat64;
    }
}
