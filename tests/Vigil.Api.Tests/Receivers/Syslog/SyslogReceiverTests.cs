using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using Vigil.Api.Tests.Support;
using Vigil.Pipeline.Configuration;
using static Vigil.Api.Tests.Support.PushServer;

namespace Vigil.Api.Tests.Receivers.Syslog;

public sealed class SyslogReceiverTests
{
    [Fact]
    public async Task OctetCountedTcpMessagesAreAllStoredIdenticalOnesToo()
    {
        await using var server = await StartSyslogAsync();
        var lines = Enumerable.Range(0, 200).Select(i => $"<14>1 2026-03-02T10:15:{i % 60:00}Z web01 app - - - request {i % 150}").ToList();

        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, Port(server, "tcp"));
            var stream = tcp.GetStream();
            foreach (var line in lines)
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes($"{Encoding.UTF8.GetByteCount(line)} {line}"));
            }
        }

        var stored = await WaitForAsync(server, "host:web01/syslog", lines.Count);
        Assert.Equal(lines.Count, stored.Count);
        Assert.Equal(lines.Count, stored.Select(e => e.RecordKey).Distinct().Count());
    }

    [Fact]
    public async Task UdpDatagramsAreStoredUnderTheirHostname()
    {
        await using var server = await StartSyslogAsync();
        using var udp = new UdpClient();

        for (var i = 0; i < 20; i++)
        {
            await udp.SendAsync(Encoding.UTF8.GetBytes($"<11>Mar  2 10:15:30 db01 postgres[9]: connection {i} refused\n"), new IPEndPoint(IPAddress.Loopback, Port(server, "udp")));
        }

        var stored = await WaitForAsync(server, "host:db01/syslog", 20);
        Assert.Equal(20, stored.Count);
        Assert.All(stored, e => Assert.Equal(Core.Events.LevelMapping.Error, e.Level));
        Assert.Contains(stored, e => e.Message == "connection 7 refused");
    }

    [Fact]
    public async Task GarbageAndOversizedFramesDoNotStopTheReceiver()
    {
        await using var server = await StartSyslogAsync();
        var random = new Random(7);
        var garbage = new byte[100_000];
        random.NextBytes(garbage);

        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, Port(server, "tcp"));
            await tcp.GetStream().WriteAsync(garbage);
            await tcp.GetStream().WriteAsync(Encoding.UTF8.GetBytes("\n99999999 " + new string('z', 70_000) + "\n"));
        }

        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, Port(server, "tcp"));
            await tcp.GetStream().WriteAsync("<13>Mar  2 10:15:30 web09 app: still alive\n"u8.ToArray());
        }

        var stored = await WaitForAsync(server, "host:web09/syslog", 1);
        Assert.Equal("still alive", Assert.Single(stored).Message);
    }

    [Fact]
    public async Task TlsListenersServeTheApiCertificate()
    {
        using var directory = new TempDirectory();
        var (pfx, thumbprint) = SelfSignedCertificate.Create(directory.Path, "pfx-pass");
        await using var server = await RunningServer.StartAsync(
            trained: false,
            c => c with
            {
                Api = c.Api with { Certificate = pfx, CertificatePassword = "pfx-pass" },
                Ingest = new([], [new(SyslogEndpoint.Tls, IPAddress.Loopback, 0)], 16),
            });

        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(IPAddress.Loopback, Port(server, "tls"));
            await using var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint);
            await tls.AuthenticateAsClientAsync("127.0.0.1");
            await tls.WriteAsync("<13>1 2026-03-02T10:15:30Z web05 app - - - over tls\n"u8.ToArray());
        }

        var stored = await WaitForAsync(server, "host:web05/syslog", 1);
        Assert.Equal("over tls", Assert.Single(stored).Message);
    }

    [Fact]
    public async Task ATlsListenerWithoutACertificateStopsServeWithOneLine()
    {
        var error = await Assert.ThrowsAsync<ServeException>(() => RunningServer.StartAsync(
            trained: false,
            c => c with { Ingest = new([], [new(SyslogEndpoint.Tls, IPAddress.Loopback, 0)], 16) }));

        Assert.Contains("[api] certificate is not set", error.Message, StringComparison.Ordinal);
    }

    private static Task<RunningServer> StartSyslogAsync() =>
        StartAsync(i => i with { SyslogListen = [new(SyslogEndpoint.Tcp, IPAddress.Loopback, 0), new(SyslogEndpoint.Udp, IPAddress.Loopback, 0)] });

    internal static int Port(RunningServer server, string protocol) => server.Server.SyslogEndpoints.Single(e => e.Protocol == protocol).Port;

    /// <summary>Waits (at most a minute) for the receiver's batches to reach <paramref name="count"/> events, then a batch interval more.</summary>
    internal static async Task<List<Core.Events.LogEvent>> WaitForAsync(RunningServer server, string source, int count)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while ((await StoredAsync(server, source)).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        // Anything extra (a message stored twice) would arrive with the next batch.
        await Task.Delay(Api.Receivers.Syslog.SyslogBatcher.Interval * 2);
        return await StoredAsync(server, source);
    }
}
