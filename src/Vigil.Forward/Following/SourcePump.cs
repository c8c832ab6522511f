using Vigil.Collectors;
using Vigil.Core.Events;
using Vigil.Forward.Spool;

namespace Vigil.Forward.Following;

/// <summary>
/// Reads one local source into the spool: from after its newest spooled batch, else from its acknowledged checkpoint,
/// in batches of at most <see cref="ForwardOptions.BatchSize"/>. A source batch split in several carries its new
/// checkpoint on the last part only (a crash between parts re-reads them; the server stores each event once).
/// When the spool is full it waits for the shipper while the server answers, and drops the oldest batch while it does
/// not, with a loud warning (a source read whole, which keeps its events, always waits). A failing source is reported once per reason and retried with backoff.
/// </summary>
internal sealed class SourcePump
{
    private readonly ILiveLogSource _source;
    private readonly BatchSpool _spool;
    private readonly AckedCheckpoints _acked;
    private readonly ForwardOptions _options;
    private readonly ForwardCounters _counters;
    private readonly Pulse _spooled;
    private readonly Pulse _removed;
    private readonly Action<string> _log;
    private readonly TimeProvider _time;
    private DateTimeOffset _lastDropWarning = DateTimeOffset.MinValue;

    public SourcePump(ILiveLogSource source, ForwardEngineParts parts)
    {
        _source = source;
        _spool = parts.Spool;
        _acked = parts.Acked;
        _options = parts.Options;
        _counters = parts.Counters;
        _spooled = parts.Spooled;
        _removed = parts.Removed;
        _log = parts.Log;
        _time = parts.Time;
    }

    /// <summary>Follows the source until cancelled, or with <see cref="ForwardOptions.Once"/> until it is caught up.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = _options.MinBackoff;
        string? lastReason = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await PumpAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                backoff = _options.MinBackoff;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is SourceException or IOException or UnauthorizedAccessException)
            {
                var reason = ex is SourceException ? ex.Message : $"{_source.Name}: {ex.Message}";
                if (reason != lastReason)
                {
                    _log($"{reason} Retrying with backoff from {backoff.TotalSeconds:0.#} s.");
                    lastReason = reason;
                }

                if (_options.Once)
                {
                    throw;
                }
            }

            await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
        }
    }

    /// <returns>True when <see cref="ForwardOptions.Once"/> and the source is caught up.</returns>
    private async Task<bool> PumpAsync(CancellationToken cancellationToken)
    {
        var position = _spool.NewestCheckpoint(_source.Name) ?? _acked.Get(_source.Name);
        var options = new SourceReadOptions { Warn = _log };
        await foreach (var batch in _source.FollowAsync(string.IsNullOrEmpty(position) ? null : position, options, cancellationToken).ConfigureAwait(false))
        {
            if (batch.Events.Count > 0 || batch.Checkpoint != position)
            {
                await SpoolAsync(batch.Events, position ?? string.Empty, batch.Checkpoint, cancellationToken).ConfigureAwait(false);
                position = batch.Checkpoint;
            }

            if (_options.Once && batch.CaughtUp)
            {
                return true;
            }
        }

        return _options.Once;
    }

    private async Task SpoolAsync(IReadOnlyList<LogEvent> events, string before, string after, CancellationToken cancellationToken)
    {
        var size = Math.Max(1, _options.BatchSize);
        var offset = 0;
        do
        {
            var count = Math.Min(size, events.Count - offset);
            var last = offset + count >= events.Count;
            var part = count == events.Count ? events : events.Skip(offset).Take(count).ToList();
            await MakeRoomAsync(cancellationToken).ConfigureAwait(false);
            _spool.Append(_source.Name, last ? after : before, part);
            _counters.AddRead(count);
            _spooled.Signal();
            offset += count;
        }
        while (offset < events.Count);
    }

    private async Task MakeRoomAsync(CancellationToken cancellationToken)
    {
        while (_spool.Bytes >= _options.SpoolBytes)
        {
            // A source read whole still holds its events after a drop's reason is gone: it waits instead.
            if (!_counters.ServerAnswering && _source is not SnapshotSource)
            {
                // Only the batch being sent is left: keep it and go over the bound by one batch.
                if (_spool.DropOldest() is not { } dropped)
                {
                    return;
                }

                _counters.AddDropped(dropped.Count);
                var now = _time.GetUtcNow();
                if (now - _lastDropWarning >= TimeSpan.FromMinutes(1))
                {
                    // Loud, but once a minute: a long outage would otherwise write one line per batch read.
                    _lastDropWarning = now;
                    _log($"SPOOL FULL: the server is not answering and the spool reached [forward] spool_mb; dropping the oldest batches ({_counters.Snapshot(_spool).Dropped} events so far, the last of {dropped.Source}). They are lost unless their source still holds them; bring the server back or raise spool_mb.");
                }

                continue;
            }

            await _removed.WaitAsync(TimeSpan.FromSeconds(1), _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
