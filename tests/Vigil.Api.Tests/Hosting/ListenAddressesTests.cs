using Vigil.Api.Hosting;

namespace Vigil.Api.Tests.Hosting;

public sealed class ListenAddressesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://localhost:5000")]
    [InlineData("http://[::1]:5000")]
    [InlineData("http://127.0.0.1:5000;http://[::1]:5001")]
    public void LoopbackAddressesAreLoopback(string listen) =>
        Assert.True(ListenAddresses.AllLoopback(ListenAddresses.Parse(listen)));

    [Theory]
    [InlineData("http://0.0.0.0:5000")]
    [InlineData("http://*:5000")]
    [InlineData("http://+:5000")]
    [InlineData("http://[::]:5000")]
    [InlineData("http://192.168.1.20:5000")]
    [InlineData("http://vigil.example.com:5000")]
    [InlineData("http://127.0.0.1:5000;http://0.0.0.0:5001")]
    public void WildcardsAndOtherHostsAreNotLoopback(string listen) =>
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
}
