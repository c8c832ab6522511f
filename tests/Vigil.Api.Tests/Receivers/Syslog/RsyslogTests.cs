using System.Diagnostics;
using System.Net;
using Vigil.Api.Tests.Support;
using Vigil.Pipeline.Configuration;
using static Vigil.Api.Tests.Support.PushServer;

namespace Vigil.Api.Tests.Receivers.Syslog;

/// <summary>Debian's rsyslogd, run as a child with its own config: imfile follows a file, omfwd forwards it over TCP.</summary>
public sealed class RsyslogTests
{
    [Theory]
    [InlineData("RSYSLOG_SyslogProtocol23Format", "octet-counted")]
    [InlineData("RSYSLOG_ForwardFormat", "traditional")]
    public async Task EveryLineOfAFileForwardedByRsyslogIsStoredExactlyOnce(string template, string framing)
    {
        await using var server = await StartAsync(i => i with { SyslogListen = [new(SyslogEndpoint.Tcp, IPAddress.Loopback, 0)] });
        using var directory = new TempDirectory();
        var file = Path.Combine(directory.Path, "app.log");
        var lines = Enumerable.Range(0, 500).Select(i => i % 50 == 0 ? "ERROR disk quota exceeded" : $"INFO request {i} served in {i % 17} ms").ToList();
        await File.WriteAllLinesAsync(file, lines);

        using var rsyslog = StartRsyslog(directory.Path, file, SyslogReceiverTests.Port(server, "tcp"), template, framing);
        try
        {
            var stored = await SyslogReceiverTests.WaitForAsync(server, "host:web01/syslog", lines.Count);

            Assert.Equal(lines.Count, stored.Count);
            Assert.Equal(lines.Order(StringComparer.Ordinal), stored.Select(e => e.Message!).Order(StringComparer.Ordinal));
            Assert.All(stored, e => Assert.Equal("app", e.Provider));
        }
        finally
        {
            rsyslog.Kill();
            await rsyslog.WaitForExitAsync();
        }
    }

    private static Process StartRsyslog(string directory, string file, int port, string template, string framing)
    {
        var work = Directory.CreateDirectory(Path.Combine(directory, "work")).FullName;
        var config = Path.Combine(directory, "rsyslog.conf");
        File.WriteAllText(config, $$"""
            global(workDirectory="{{work}}" localHostname="web01")
            module(load="imfile" mode="polling" PollingInterval="1")
            input(type="imfile" File="{{file}}" Tag="app:" Severity="notice" Facility="local0" ruleset="forward")
            ruleset(name="forward") {
              action(type="omfwd" target="127.0.0.1" port="{{port}}" protocol="tcp" TCP_Framing="{{framing}}" template="{{template}}")
            }
            """);
        var start = new ProcessStartInfo("rsyslogd") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-n", "-f", config, "-i", Path.Combine(directory, "rsyslogd.pid") })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("rsyslogd did not start; install Debian's rsyslog");
    }
}
