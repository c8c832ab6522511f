using Vigil.Api.Hosting;
using Vigil.Api.Tests.Support;
using Vigil.Pipeline.Configuration;

namespace Vigil.Api.Tests.Security;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StartupWarningsTests
{
    private static readonly IReadOnlyList<ListenEndpoint> Loopback = ListenAddresses.Parse("http://127.0.0.1:5000");

    [Fact]
    public void AConfigFileHoldingASecretThatOthersCanReadIsNamed()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "config.ini");
        File.WriteAllText(path, "[api]\napi_key = a-secret-key-of-some-length\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var config = ConfigLoader.Load(path);

        var open = StartupWarnings.For(config, Loopback, isRoot: false);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var closed = StartupWarnings.For(config, Loopback, isRoot: false);

        Assert.Contains(open, w => w.Contains("chmod 600", StringComparison.Ordinal) && w.Contains(path, StringComparison.Ordinal));
        Assert.Empty(closed);
    }

    [Fact]
    public void AConfigFileWithoutSecretsMayBeReadable()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "config.ini");
        File.WriteAllText(path, "[detection]\ncollection_hours = 24\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        Assert.Empty(StartupWarnings.For(ConfigLoader.Load(path), Loopback, isRoot: false));
    }

    [Fact]
    public void RunningAsRootIsWarnedAbout() =>
        Assert.Contains(StartupWarnings.For(ConfigLoader.Defaults(), Loopback, isRoot: true), w => w.Contains("runs as root", StringComparison.Ordinal));
}
