using Vigil.Collectors;
using Vigil.Forward.Following;
using Vigil.Forward.Sending;
using Vigil.Forward.Shipping;
using Vigil.Forward.Spool;

namespace Vigil.Forward;

/// <summary>
/// <c>vigil forward</c>'s engine: one pump per local source reads into the disk spool, one shipper pushes the spool to
/// the server oldest first, and a source's checkpoint advances only once the server acknowledged its batch. Stopping
/// (cancellation) at any moment, or being killed, loses nothing: the next start resends what was not acknowledged.
/// </summary>
public sealed class Forwarder
{
    private readonly IReadOnlyList<ILiveLogSource> _sources;
    private readonly IBatchSender _sender;
    private readonly ForwardEngineParts _parts;

    private Forwarder(IReadOnlyList<ILiveLogSource> sources, IBatchSender sender, ForwardEngineParts parts)
    {
        _sources = sources;
        _sender = sender;
        _parts = parts;
    }

    public ForwardProgress Progress => _parts.Counters.Snapshot(_parts.Spool);

    /// <summary>
    /// Opens the spool and checkpoints under <see cref="ForwardOptions.StateDir"/> (what a previous run left is sent
    /// first). Sources that can only be read whole are followed by re-reading them when their files change.
    /// </summary>
    public static Forwarder Open(IReadOnlyList<ILogSource> sources, IBatchSender sender, ForwardOptions options, Action<string> log, TimeProvider? timeProvider = null)
    {
        var time = timeProvider ?? TimeProvider.System;
        var spool = BatchSpool.Open(options.SpoolDir, log);
        var acked = AckedCheckpoints.Open(options.CheckpointPath);
        var live = sources.Select(s => s as ILiveLogSource ?? new SnapshotSource(s, time)).ToList();
        return new Forwarder(live, sender, new ForwardEngineParts(spool, acked, options, new ForwardCounters(), log, time));
    }

    /// <summary>
    /// Runs until cancelled (returns normally), or with <see cref="ForwardOptions.Once"/> until every source is caught
    /// up and acknowledged. Throws <see cref="ForwardException"/> when the server refuses the key or the address.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pumps = _sources.Select(s => new SourcePump(s, _parts)).ToList();
        var reading = Task.WhenAll(pumps.Select(p => Task.Run(() => p.RunAsync(stop.Token), CancellationToken.None)));
        var shipper = new Shipper(_sender, _parts);
        try
        {
            await shipper.RunAsync(_parts.Options.Once ? reading : null, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await reading.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The pumps were stopped by us: the shipper's outcome (or the caller's stop) is what counts.
            }
        }
    }
}
