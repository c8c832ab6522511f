using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Vigil.Pipeline.Configuration;

namespace Vigil.Api.Receivers.Syslog;

/// <summary>
/// The syslog listeners of <c>[ingest] syslog_listen</c>: UDP (one message per datagram), TCP and TLS (RFC 6587
/// framing). Sockets are bound when the server starts, so a port in use stops <c>vigil serve</c> with one line; each
/// connection reads on its own task with bounded buffers, and nothing a sender writes can stop the receiver.
/// </summary>
internal sealed class SyslogReceiver : IHostedService, IAsyncDisposable
{
    /// <summary>The longest message kept (RFC 5425 asks receivers to take at least 8 KiB); longer ones are skipped.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    /// <summary>Connections served at once; more are closed at once so a flood of idle sockets cannot exhaust the server.</summary>
    public const int MaxConnections = 1_000;

    private readonly IReadOnlyList<SyslogEndpoint> _endpoints;
    private readonly SyslogBatcher _batcher;
    private readonly X509Certificate2? _certificate;
    private readonly TimeProvider _time;
    private readonly ILogger<SyslogReceiver> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<IDisposable> _sockets = [];
    private readonly List<Task> _loops = [];
    private readonly List<SyslogEndpoint> _bound = [];
    private Task? _batching;
    private int _connections;

    public SyslogReceiver(IReadOnlyList<SyslogEndpoint> endpoints, SyslogBatcher batcher, X509Certificate2? certificate, TimeProvider time, ILogger<SyslogReceiver> logger)
    {
        _endpoints = endpoints;
        _batcher = batcher;
        _certificate = certificate;
        _time = time;
        _logger = logger;
    }

    /// <summary>The listeners as bound (with the real port when 0 was asked for).</summary>
    public IReadOnlyList<SyslogEndpoint> Bound => _bound;

    /// <summary>Zone-less (RFC 3164) times are read in the server's zone, as syslog files are.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Local;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_endpoints.Count == 0)
        {
            return Task.CompletedTask;
        }

        foreach (var endpoint in _endpoints)
        {
            try
            {
                Bind(endpoint);
            }
            catch (SocketException ex)
            {
                throw new ServeException($"[ingest] syslog_listen {endpoint}: cannot listen there ({ex.Message}); pick a free port or an address of this machine");
            }
        }

        _batching = Task.Run(() => _batcher.RunAsync(_stopping.Token), CancellationToken.None);
        _logger.LogInformation("Receiving syslog on {Endpoints}", string.Join(", ", _bound));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }

        await Task.WhenAll(_loops).ConfigureAwait(false);
        if (_batching is not null)
        {
            await _batching.ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void Bind(SyslogEndpoint endpoint)
    {
        var local = new IPEndPoint(endpoint.Address, endpoint.Port);
        if (endpoint.Protocol == SyslogEndpoint.Udp)
        {
            var udp = new Socket(local.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            _sockets.Add(udp);
            udp.Bind(local);
            _bound.Add(endpoint with { Port = ((IPEndPoint)udp.LocalEndPoint!).Port });
            _loops.Add(Task.Run(() => ReceiveDatagramsAsync(udp), CancellationToken.None));
            return;
        }

        if (endpoint.Protocol == SyslogEndpoint.Tls && _certificate is null)
        {
            throw new ServeException($"[ingest] syslog_listen {endpoint}: TLS needs a certificate; set [api] certificate (a .pfx file)");
        }

        var listener = new TcpListener(local);
        listener.Start();
        _sockets.Add(listener.Server);
        _bound.Add(endpoint with { Port = ((IPEndPoint)listener.LocalEndpoint).Port });
        _loops.Add(Task.Run(() => AcceptAsync(listener, endpoint.Protocol == SyslogEndpoint.Tls), CancellationToken.None));
    }

    private async Task ReceiveDatagramsAsync(Socket udp)
    {
        var buffer = new byte[MaxMessageBytes];
        EndPoint any = new IPEndPoint(udp.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                var received = await udp.ReceiveFromAsync(buffer, SocketFlags.None, any, _stopping.Token).ConfigureAwait(false);
                var raw = System.Text.Encoding.UTF8.GetString(buffer, 0, received.ReceivedBytes);
                if (raw.Length > 0)
                {
                    _batcher.Offer(SyslogEntryFactory.Create(raw, ((IPEndPoint)received.RemoteEndPoint).Address, _time.GetUtcNow().UtcDateTime, Zone));
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // An oversized datagram or an ICMP error for an earlier reply: that datagram is lost, the socket is not.
                _logger.LogDebug("Syslog UDP receive: {Problem}", ex.Message);
            }
        }
    }

    private async Task AcceptAsync(TcpListener listener, bool tls)
    {
        var connections = new List<Task>();
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                break;
            }

            if (Interlocked.Increment(ref _connections) > MaxConnections)
            {
                Interlocked.Decrement(ref _connections);
                client.Dispose();
                continue;
            }

            connections.RemoveAll(t => t.IsCompleted);
            connections.Add(Task.Run(() => ServeConnectionAsync(client, tls), CancellationToken.None));
        }

        await Task.WhenAll(connections).ConfigureAwait(false);
    }

    private async Task ServeConnectionAsync(TcpClient client, bool tls)
    {
        var peer = (client.Client.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
        try
        {
            using (client)
            await using (var stream = await OpenAsync(client, tls).ConfigureAwait(false))
            await using (_stopping.Token.Register(client.Dispose))
            {
                var frames = new SyslogFrameReader(stream, MaxMessageBytes);
                await foreach (var raw in frames.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
                {
                    await _batcher.AddAsync(SyslogEntryFactory.Create(raw, peer, _time.GetUtcNow().UtcDateTime, Zone), _stopping.Token).ConfigureAwait(false);
                }

                if (frames.Dropped > 0)
                {
                    _logger.LogWarning("Syslog from {Peer}: {Dropped} message(s) longer than {Max} bytes skipped", peer, frames.Dropped, MaxMessageBytes);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            _logger.LogDebug("Syslog connection from {Peer} ended: {Problem}", peer, ex.Message);
        }
        finally
        {
            Interlocked.Decrement(ref _connections);
        }
    }

    private async Task<Stream> OpenAsync(TcpClient client, bool tls)
    {
        var network = client.GetStream();
        if (!tls)
        {
            return network;
        }

        var ssl = new SslStream(network, leaveInnerStreamOpen: false);
        using var handshake = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        handshake.CancelAfter(TimeSpan.FromSeconds(30));
        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, handshake.Token).ConfigureAwait(false);
        return ssl;
    }
}
