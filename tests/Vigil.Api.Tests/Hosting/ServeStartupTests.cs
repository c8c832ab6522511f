using Vigil.Pipeline;
using Vigil.Api.Tests.Support;

namespace Vigil.Api.Tests.Hosting;

public sealed class ServeStartupTests
{
    [Fact]
    public void ANonLoopbackAddressWithoutAKeyIsRefused()
    {
        using var directory = new TempDirectory();
        var config = DemoData.Config(Path.Combine(directory.Path, "data"), Path.Combine(directory.Path, "models"));

        var error = Assert.Throws<ServeException>(() => VigilApi.Create(new VigilApiOptions(config) { Listen = "http://0.0.0.0:5000" }));

        Assert.Contains("api_key", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory.Path, "data", "vigil.lock")));
    }

    [Fact]
    public async Task ANonLoopbackAddressWithAKeyIsAccepted()
    {
        using var directory = new TempDirectory();
        var config = DemoData.Config(Path.Combine(directory.Path, "data"), Path.Combine(directory.Path, "models"));
        config = config with { Api = config.Api with { ApiKey = "a-key" } };

        // Built, not started: nothing listens beyond loopback during the tests.
        await using var server = VigilApi.Create(new VigilApiOptions(config) { Listen = "http://0.0.0.0:5000", EnableScheduler = false });

        Assert.NotNull(server.App);
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
