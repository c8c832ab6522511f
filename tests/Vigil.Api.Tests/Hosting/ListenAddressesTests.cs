using Vigil.Api.Hosting;

namespace Vigil.Api.Tests.Hosting;

public sealed class ListenAddressesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    [InlineData("http://[::ffff:127.0.0.1]:5000")]
    [InlineData("http://127.0.0.1:5000;http://[::1]:5001")]
    public void LoopbackAddressesAreLoopback(string listen) =>
        Assert.True(ListenAddresses.AllLoopback(ListenAddresses.Parse(listen)));

    [Theory]
    [InlineData("http://0.0.0.0:5000")]
    [InlineData("http://*:5000")]
    [InlineData("http://+:5000")]
    [InlineData("http://[::]:5000")]
    [InlineData("http://192.168.1.20:5000")]
    [InlineData("http://127.0.0.1:5000;http://0.0.0.0:5001")]
    public void WildcardsAndOtherAddressesAreNotLoopback(string listen) =>
        Assert.False(ListenAddresses.AllLoopback(ListenAddresses.Parse(listen)));

    [Theory]
    [InlineData("")]
    [InlineData("127.0.0.1:5000")]
    [InlineData("ftp://127.0.0.1:21")]
    public void AnAddressThatIsNotAnHttpUrlIsRefusedWithTheKeyNamed(string listen)
    {
        var error = Assert.Throws<ServeException>(() => ListenAddresses.Parse(listen));
        Assert.Contains("[api] listen", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://user@localhost:5911", "user info")]
    [InlineData("http://x@127.0.0.1:5912", "user info")]
    [InlineData("http://a:b@127.0.0.1:5912", "user info")]
    [InlineData("http://127.0.0.1:5000/vigil", "path")]
    [InlineData("http://127.0.0.1:5000/?a=b", "path")]
    [InlineData("http://vigil.example.com:5000", "IP address")]
    public void WhatKestrelMightReadDifferentlyIsRefused(string listen, string named)
    {
        var error = Assert.Throws<ServeException>(() => ListenAddresses.Parse(listen));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIpv4MappedLoopbackAddressIsBoundAsIpv4()
    {
        var endpoint = Assert.Single(ListenAddresses.Parse("http://[::ffff:127.0.0.1]:5910"));

        Assert.Equal(System.Net.IPAddress.Loopback, endpoint.Address);
        Assert.Equal(5910, endpoint.Port);
    }
}
