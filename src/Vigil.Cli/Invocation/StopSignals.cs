using System.Runtime.InteropServices;

namespace Vigil.Cli.Invocation;

/// <summary>
/// Ctrl+C and SIGTERM (a service manager's stop) cancel <see cref="Token"/> instead of killing the process, so
/// <c>watch</c> commits its last batch and <c>serve</c> shuts down, and both exit 0. Registered before anything else
/// runs; a second signal is left to the runtime, so a stuck stop can still be forced.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignals() =>
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];

    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        _stop.Cancel();
    }
}
