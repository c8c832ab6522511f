using Vigil.Core.Events;

namespace Vigil.Core.Tests.Events;

public sealed class HostSourceTests
{
    [Theory]
    [InlineData("WEB01", "syslog", "host:web01/syslog")]
    [InlineData("dc01.corp.example.", "eventlog:Security", "host:dc01.corp.example/eventlog:Security")]
    [InlineData("FILESRV_2", "file:/var/log/a@b.log", "host:filesrv_2/file:/var/log/a@b.log")]
    public void Compose_then_parse_gives_back_the_normal_host_and_the_source(string host, string source, string stored)
    {
        Assert.Equal(stored, HostSource.Compose(host, source));
        Assert.True(HostSource.TryParse(stored, out var h, out var s));
        Assert.Equal(stored[HostSource.Prefix.Length..stored.IndexOf('/', StringComparison.Ordinal)], h);
        Assert.Equal(source, s);
    }

    [Theory]
    [InlineData("file:/var/log/host:x/y")]
    [InlineData("demo")]
    [InlineData("host:/syslog")]
    [InlineData("host:web01/")]
    public void Local_specs_and_malformed_names_are_not_host_sources(string stored) =>
        Assert.False(HostSource.TryParse(stored, out _, out _));

    [Theory]
    [InlineData("")]
    [InlineData("-web")]
    [InlineData("web 01")]
    [InlineData("<script>")]
    [InlineData("web/01")]
    [InlineData("web@01")]
    public void Host_names_outside_dns_characters_are_refused(string host)
    {
        Assert.False(HostSource.TryNormalizeHost(host, out _));
        Assert.Throws<ArgumentException>(() => HostSource.Compose(host, "syslog"));
    }
}
