using System.Net;
using Vigil.Api.Tests.Support;
using Vigil.Pipeline;

namespace Vigil.Api.Tests.Hosting;

public sealed class ServeStartupTests
{
    [Fact]
    public async Task ANonLoopbackAddressWithoutAConfiguredKeyGetsAGeneratedOne()
    {
        using var directory = new TempDirectory();
        var config = DemoData.Config(Path.Combine(directory.Path, "data"), Path.Combine(directory.Path, "models"));

        // Built, not started: nothing listens beyond loopback during the tests.
        await using var server = VigilApi.Create(new VigilApiOptions(config) { Listen = "http://0.0.0.0:5000", EnableScheduler = false });

        Assert.True(server.ApiKey.Length >= 40);
        Assert.Contains("#key=" + server.ApiKey, server.KeyNotice, StringComparison.Ordinal);
        Assert.Contains(server.Warnings, w => w.Contains("plain HTTP", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANonLoopbackAddressWithALongKeyIsAccepted()
    {
        using var directory = new TempDirectory();
        var config = DemoData.Config(Path.Combine(directory.Path, "data"), Path.Combine(directory.Path, "models"));
        config = config with { Api = config.Api with { ApiKey = "sixteen-chars-xy" } };

        await using var server = VigilApi.Create(new VigilApiOptions(config) { Listen = "http://0.0.0.0:5000", EnableScheduler = false });

        Assert.Null(server.KeyNotice);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("fifteen-chars-x")]
    public void AShortKeyIsRefusedWhenTheServerIsReachableFromOtherMachines(string key)
    {
        using var directory = new TempDirectory();
        var config = DemoData.Config(Path.Combine(directory.Path, "data"), Path.Combine(directory.Path, "models"));
        config = config with { Api = config.Api with { ApiKey = key } };

        var error = Assert.Throws<ServeException>(() => VigilApi.Create(new VigilApiOptions(config) { Listen = "http://0.0.0.0:5000" }));

        Assert.Contains($"[api] api_key has {key.Length} characters; a server reachable from other machines needs at least 16", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory.Path, "data", "vigil.lock")));
    }

    [Theory]
    [InlineData("http://user@localhost:5911")]
    [InlineData("http://x@127.0.0.1:5912")]
    public void AListenUrlWithUserInfoIsRefused(string listen)
    {
        using var directory = new TempDirectory();
        var config = DemoData.Config(Path.Combine(directory.Path, "data"), Path.Combine(directory.Path, "models"));

        var error = Assert.Throws<ServeException>(() => VigilApi.Create(new VigilApiOptions(config) { Listen = listen, EnableScheduler = false }));

        Assert.Contains("user info", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIpv4MappedLoopbackAddressStartsOnLoopbackOnly()
    {
        await using var server = await RunningServer.StartAsync(trained: true, configure: null, o => o with { Listen = "http://[::ffff:127.0.0.1]:0" });

        var bound = Assert.Single(server.Server.Addresses);
        Assert.StartsWith("http://127.0.0.1:", bound, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/status")).StatusCode);
    }

    [Fact]
    public async Task ASecondServerOnTheSameDataDirectoryIsRefusedUntilTheFirstStops()
    {
        await using var first = await RunningServer.TrainedAsync();
        var options = new VigilApiOptions(first.Config) { Listen = "http://127.0.0.1:0", EnableScheduler = false };

        var error = Assert.Throws<InstanceLockException>(() => VigilApi.Create(options));
        Assert.Contains("already running", error.Message, StringComparison.Ordinal);

        await first.Server.DisposeAsync();
        await using var second = VigilApi.Create(options);
        Assert.NotNull(second.App);
    }
}
