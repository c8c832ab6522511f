using Vigil.Collectors;
using Vigil.Storage;

namespace Vigil.Ingest;

/// <summary>
/// Tails live sources into the store: each batch is committed with its checkpoint in one transaction, so a crash at any
/// point resumes exactly after the last committed batch. A failing source is reported once per distinct reason and
/// retried with backoff; the other sources keep running.
/// </summary>
public sealed class SourceFollower
{
    private readonly IEventStore _store;
    private readonly Action<string> _log;
    private readonly TimeProvider _time;
    private long _scoredThroughTicks;

    public SourceFollower(IEventStore store, Action<string> log, TimeProvider? timeProvider = null)
    {
        _store = store;
        _log = log;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>First wait after a failure; doubles on each failure in a row up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Called after each committed batch (from the source's own task).</summary>
    public Action<BatchResult>? BatchCommitted { get; init; }

    /// <summary>
    /// The end of the last hour detection has scored (UTC); events before it are counted as late.
    /// Set by the watch loop after each detection run; read concurrently by the source tasks.
    /// </summary>
    public DateTime? ScoredThrough
    {
        get
        {
            var ticks = Interlocked.Read(ref _scoredThroughTicks);
            return ticks == 0 ? null : new DateTime(ticks, DateTimeKind.Utc);
        }

        set => Interlocked.Exchange(ref _scoredThroughTicks, value?.Ticks ?? 0);
    }

    /// <summary>Follows every source until cancelled. Never throws for a source's failure; returns when cancelled.</summary>
    public Task RunAsync(IReadOnlyList<ILiveLogSource> sources, CancellationToken cancellationToken) =>
        Task.WhenAll(sources.Select(s => Task.Run(() => FollowWithRetryAsync(s, cancellationToken), CancellationToken.None)));

    /// <summary>Ingests everything new since the source's checkpoint and returns; a source failure propagates.</summary>
    public async Task<IngestTotals> IngestOnceAsync(ILiveLogSource source, CancellationToken cancellationToken)
    {
        var totals = new IngestTotals(source.Name, 0, 0, 0);
        await foreach (var result in CommitBatchesAsync(source, cancellationToken).ConfigureAwait(false))
        {
            totals = totals.Add(result);
            if (result.CaughtUp)
            {
                break;
            }
        }

        return totals;
    }

    private async Task FollowWithRetryAsync(ILiveLogSource source, CancellationToken cancellationToken)
    {
        var backoff = MinBackoff;
        string? lastReason = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var _ in CommitBatchesAsync(source, cancellationToken).ConfigureAwait(false))
                {
                    if (lastReason is not null)
                    {
                        _log($"{source.Name}: reading again.");
                        lastReason = null;
                    }

                    backoff = MinBackoff;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is SourceException or StoreException or IOException or UnauthorizedAccessException)
            {
                var reason = ex is SourceException ? ex.Message : $"{source.Name}: {ex.Message}";
                if (reason != lastReason)
                {
                    _log($"{reason} Retrying with backoff from {backoff.TotalSeconds:0.#} s.");
                    lastReason = reason;
                }
            }

            try
            {
                await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private async IAsyncEnumerable<BatchResult> CommitBatchesAsync(ILiveLogSource source, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var checkpoint = await _store.GetCheckpointAsync(source.Name, cancellationToken).ConfigureAwait(false);
        var options = new SourceReadOptions { Warn = _log };
        await foreach (var batch in source.FollowAsync(checkpoint, options, cancellationToken).ConfigureAwait(false))
        {
            // Not cancellable: a batch that was read is committed whole or not at all, never half.
            var added = await _store.AddEventsAsync(source.Name, batch.Events, batch.Checkpoint, CancellationToken.None).ConfigureAwait(false);
            var scoredThrough = ScoredThrough;
            var late = scoredThrough is { } end ? batch.Events.Count(e => e.TimeCreated < end) : 0;
            var result = new BatchResult(source.Name, batch.Events.Count, added, late, batch.CaughtUp);
            BatchCommitted?.Invoke(result);
            yield return result;
        }
    }
}
