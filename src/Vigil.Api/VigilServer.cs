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
    private bool _started;
    private bool _disposed;

    internal VigilServer(WebApplication app, VigilContext context, InstanceLock instanceLock)
    {
        App = app;
        _context = context;
        _lock = instanceLock;
    }

    public WebApplication App { get; }

    /// <summary>The addresses actually bound (with the real port when 0 was asked for); known once started.</summary>
    public IReadOnlyList<string> Addresses =>
        [.. App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await App.StartAsync(cancellationToken).ConfigureAwait(false);
        _started = true;
    }

    /// <summary>Runs until the process is asked to stop (Ctrl+C, SIGTERM, the service manager).</summary>
    public async Task RunAsync()
    {
        _started = true;
        await App.RunAsync().ConfigureAwait(false);
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
