using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Vigil.Api.Hosting;
using Vigil.Pipeline;

namespace Vigil.Api;

/// <summary>A built <c>vigil serve</c>: the web application, the context it serves and the data directory's lock, released together.</summary>
public sealed class VigilServer : IAsyncDisposable
{
    private readonly VigilContext _context;
    private readonly InstanceLock _lock;
    private readonly IReadOnlyList<ListenEndpoint> _endpoints;
    private bool _started;
    private bool _disposed;

    internal VigilServer(WebApplication app, VigilContext context, InstanceLock instanceLock, IReadOnlyList<ListenEndpoint> endpoints)
    {
        App = app;
        _context = context;
        _lock = instanceLock;
        _endpoints = endpoints;
    }

    public WebApplication App { get; }

    /// <summary>The addresses actually bound (with the real port when 0 was asked for); known once started.</summary>
    public IReadOnlyList<string> Addresses =>
        [.. App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    /// <summary>What to tell the operator about the API key at start (the key itself only when it was just generated); null when configured.</summary>
    public string? KeyNotice { get; init; }

    /// <summary>The key requests must carry (configured or generated); for the tests that drive the server.</summary>
    internal string ApiKey { get; init; } = string.Empty;

    /// <summary>The context the server runs on (its store); for the tests that check what was stored.</summary>
    internal VigilContext Context => _context;

    /// <summary>The syslog listeners as bound (real ports when 0 was asked for); known once started.</summary>
    internal IReadOnlyList<Pipeline.Configuration.SyslogEndpoint> SyslogEndpoints =>
        App.Services.GetRequiredService<Receivers.Syslog.SyslogReceiver>().Bound;

    /// <summary>How this server runs unsafely (as root, config readable by others, key over plain HTTP); also logged.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Starts listening, then checks that exactly the configured addresses are bound (stopping if not).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await App.StartAsync(cancellationToken).ConfigureAwait(false);
        _started = true;
        KestrelBinding.CheckBound(Addresses, _endpoints);
    }

    /// <summary>Runs until the process is asked to stop (Ctrl+C, SIGTERM, the service manager).</summary>
    public async Task RunAsync()
    {
        await StartAsync(CancellationToken.None).ConfigureAwait(false);
        await App.WaitForShutdownAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_started)
        {
            await App.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await App.DisposeAsync().ConfigureAwait(false);
        _context.Dispose();
        _lock.Dispose();
    }
}
