using System.Net;
using DagMaster.Infrastructure.Platforms.Webhooks;

namespace DagMaster.UnitTests.Infrastructure.Webhooks;

public sealed class NetworkAddressesTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("10.0.0.1")]
    [InlineData("100.64.0.1")]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.0.2.10")]
    [InlineData("192.168.0.1")]
    [InlineData("198.18.0.1")]
    [InlineData("203.0.113.5")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("2001:db8::1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    public void IsPublic_WhenAddressIsLocalPrivateOrReserved_IsFalse(string address)
    {
        NetworkAddresses.IsPublic(IPAddress.Parse(address)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.216.34")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void IsPublic_WhenAddressIsOnThePublicInternet_IsTrue(string address)
    {
        NetworkAddresses.IsPublic(IPAddress.Parse(address)).ShouldBeTrue();
    }
}
