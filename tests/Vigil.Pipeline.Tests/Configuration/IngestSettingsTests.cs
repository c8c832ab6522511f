using System.Net;
using Vigil.Pipeline.Configuration;

namespace Vigil.Pipeline.Tests.Configuration;

public sealed class IngestSettingsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-ingest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void KeysAndTheirBoundHostsAreRead()
    {
        var config = ConfigLoader.Load(Ini("[ingest]\nkeys = fleet-key-1, web-key-2@WEB01.example.org\n"));

        Assert.Equal([new IngestKey("fleet-key-1", null), new IngestKey("web-key-2", "web01.example.org")], config.Ingest.Keys);
        Assert.Empty(config.Warnings);
    }

    [Fact]
    public void KeysNeverAppearWhenSettingsArePrinted()
    {
        var config = ConfigLoader.Load(Ini("[ingest]\nkeys = s3cret-fleet-key, other-s3cret@web01\n"));

        Assert.DoesNotContain("s3cret", config.Ingest.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", config.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheEnvironmentCanSetTheKeysSoTheyNeedNotSitInTheFile()
    {
        Environment.SetEnvironmentVariable("VIGIL_INGEST__KEYS", "env-key@db01");
        try
        {
            var config = ConfigLoader.Load(Ini("[ingest]\nkeys = file-key\n"));

            Assert.Equal([new IngestKey("env-key", "db01")], config.Ingest.Keys);
        }
        finally
        {
            Environment.SetEnvironmentVariable("VIGIL_INGEST__KEYS", null);
        }
    }

    [Theory]
    [InlineData("good-key, @web01", "entry 2")]
    [InlineData("key@bad host", "entry 1")]
    [InlineData("admin-key-123", "is the [api] api_key")]
    public void ABadKeyEntryStopsWithoutQuotingTheKey(string keys, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Ini($"[api]\napi_key = admin-key-123\n[ingest]\nkeys = {keys}\n")));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("good-key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("admin-key-123", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SyslogListenAddressesAreRead()
    {
        var config = ConfigLoader.Load(Ini("[ingest]\nsyslog_listen = tcp://127.0.0.1:6514, udp://localhost:514, tls://[::1]:6515, udp://0.0.0.0:0\n"));

        Assert.Equal(
            [
                new SyslogEndpoint("tcp", IPAddress.Loopback, 6514),
                new SyslogEndpoint("udp", IPAddress.Loopback, 514),
                new SyslogEndpoint("tls", IPAddress.IPv6Loopback, 6515),
                new SyslogEndpoint("udp", IPAddress.Any, 0),
            ],
            config.Ingest.SyslogListen);
    }

    [Theory]
    [InlineData("http://127.0.0.1:6514")]
    [InlineData("tcp://127.0.0.1")]
    [InlineData("tcp://logs.example.org:6514")]
    [InlineData("tcp://127.0.0.1:6514/path")]
    public void ABadListenAddressStopsWithOneLineNamingIt(string entry)
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Ini($"[ingest]\nsyslog_listen = {entry}\n")));

        Assert.Contains($"[ingest] syslog_listen = '{entry}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private string Ini(string text)
    {
        var path = Path.Combine(_dir, "config.ini");
        File.WriteAllText(path, text);
        return path;
    }
}
