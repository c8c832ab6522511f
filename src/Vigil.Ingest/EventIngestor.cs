using Vigil.Collectors;
using Vigil.Core.Events;
using Vigil.Storage;

namespace Vigil.Ingest;

/// <summary>
/// The one road from sources into the store, used by every verb: events pass <c>min_level</c>, have their message
/// capped, are checked for dates in the future, and are committed in batches — each batch with the source's checkpoint
/// in one transaction, so a crash at any point resumes exactly after the last committed batch. Sources that can be
/// followed are always read from their checkpoint (nothing stored is read twice); the others are read over a range.
/// While following, a failing source is reported once per distinct reason and retried with backoff; the others keep running.
/// </summary>
public sealed class EventIngestor
{
    private const int BatchSize = 10_000;

    /// <summary>
    /// The most events one transaction takes when batches queued up behind a commit. Every commit rewrites each page it
    /// touched (the time index takes events all over when a file's times are not in order), so fewer, bigger commits
    /// write far less. This bounds what is held in memory: one transaction being written and one queued behind it. 100k
    /// cost SQLite about a fifth less CPU than 45k on 1M lines, but took 70 MB more peak RSS (217 → 290 MB), which
    /// `vigil setup` on 2M events (265 MB) cannot spare under its 300 MB aim.
    /// </summary>
    private const int MaxTransactionEvents = 50_000;

    private readonly IEventStore _store;
    private readonly IngestPolicy _policy;
    private readonly Action<string> _log;
    private readonly TimeProvider _time;
    private long _scoredThroughTicks;

    public EventIngestor(IEventStore store, IngestPolicy policy, Action<string> log, TimeProvider? timeProvider = null)
    {
        _store = store;
        _policy = policy;
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

    /// <summary>Events dated after this (UTC) are dated in the future: the clock plus the policy's tolerance.</summary>
    public DateTime FutureLimit
    {
        get
        {
            var now = _time.GetUtcNow().UtcDateTime;
            return DateTime.MaxValue - now < _policy.FutureTolerance ? DateTime.MaxValue : now + _policy.FutureTolerance;
        }
    }

    /// <summary>Follows every source until cancelled. Never throws for a source's failure; returns when cancelled.</summary>
    public Task RunAsync(IReadOnlyList<ILiveLogSource> sources, CancellationToken cancellationToken) =>
        Task.WhenAll(sources.Select(s => Task.Run(() => FollowWithRetryAsync(s, cancellationToken), CancellationToken.None)));

    /// <summary>Stores everything new of the source: since its checkpoint when it can be followed, else every event it holds.</summary>
    public Task<IngestTotals> IngestAsync(ILogSource source, CancellationToken cancellationToken) =>
        IngestAsync(source, DateTime.MinValue, DateTime.MaxValue, null, cancellationToken);

    /// <summary>
    /// One pass over a source; a source failure propagates. A source that can be followed is read from its checkpoint
    /// until caught up, whatever the range (everything new is stored once); any other source is read over [from, to).
    /// </summary>
    public async Task<IngestTotals> IngestAsync(ILogSource source, DateTime from, DateTime to, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var totals = new IngestTotals(source.Name, 0, 0, 0);
        var future = new FutureEvents(FutureLimit);
        if (source is ILiveLogSource live)
        {
            await foreach (var result in CommitBatchesAsync(live, future, cancellationToken).ConfigureAwait(false))
            {
                totals = totals.Add(result);
                if (result.CaughtUp)
                {
                    break;
                }
            }
        }
        else
        {
            var options = new SourceReadOptions { From = from, To = to, Warn = _log, Progress = progress };
            await foreach (var batch in ReadAhead.MergedAsync(token => InBatchesAsync(source.ReadAsync(options, token), token), MaxTransactionEvents, cancellationToken).ConfigureAwait(false))
            {
                totals = totals.Add(await CommitAsync(source.Name, batch.Events, null, batch.CaughtUp, future).ConfigureAwait(false));
            }
        }

        if (future.Report(source.Name) is { } line)
        {
            _log(line);
        }

        return totals;
    }

    /// <summary>
    /// Stores one batch pushed to <c>vigil serve</c> (OTLP, syslog) under its stored source name, through the same
    /// filter, cap and dedup as every other batch; a resent batch adds nothing. Returns what the batch did.
    /// </summary>
    public async Task<BatchResult> StorePushedAsync(string source, IReadOnlyList<LogEvent> events)
    {
        var future = new FutureEvents(FutureLimit);
        var result = await CommitAsync(source, events, null, true, future).ConfigureAwait(false);
        if (future.Report(source) is { } line)
        {
            _log(line);
        }

        return result;
    }

    private async Task FollowWithRetryAsync(ILiveLogSource source, CancellationToken cancellationToken)
    {
        var backoff = MinBackoff;
        string? lastReason = null;
        var future = new FutureEvents(FutureLimit);
        var futureReported = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var _ in CommitBatchesAsync(source, future, cancellationToken).ConfigureAwait(false))
                {
                    if (lastReason is not null)
                    {
                        _log($"{source.Name}: reading again.");
                        lastReason = null;
                    }

                    // Once per source while following: a log with a broken clock would otherwise say it every batch.
                    if (!futureReported && future.Report(source.Name) is { } line)
                    {
                        _log(line);
                        futureReported = true;
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

    private async IAsyncEnumerable<BatchResult> CommitBatchesAsync(ILiveLogSource source, FutureEvents future, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var checkpoint = await _store.GetCheckpointAsync(source.Name, cancellationToken).ConfigureAwait(false);
        var options = new SourceReadOptions { Warn = _log };
        await foreach (var batch in ReadAhead.MergedAsync(token => FollowedAsync(source, checkpoint, options, token), MaxTransactionEvents, cancellationToken).ConfigureAwait(false))
        {
            yield return await CommitAsync(source.Name, batch.Events, batch.Checkpoint, batch.CaughtUp, future).ConfigureAwait(false);
        }
    }

    private static async IAsyncEnumerable<ReadBatch> FollowedAsync(ILiveLogSource source, string? checkpoint, SourceReadOptions options, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in source.FollowAsync(checkpoint, options, cancellationToken).ConfigureAwait(false))
        {
            yield return new ReadBatch(batch.Events, batch.Checkpoint, batch.CaughtUp);
        }
    }

    /// <summary>A source read over a range, in batches; the last one (possibly empty) says the source is done.</summary>
    private static async IAsyncEnumerable<ReadBatch> InBatchesAsync(IAsyncEnumerable<LogEvent> events, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<LogEvent>(BatchSize);
        await foreach (var e in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            batch.Add(e);
            if (batch.Count == BatchSize)
            {
                yield return new ReadBatch(batch, null, false);
                batch = new List<LogEvent>(BatchSize);
            }
        }

        yield return new ReadBatch(batch, null, true);
    }

    /// <summary>The one place events enter the store: filtered, capped, checked for future dates, committed with the checkpoint.</summary>
    private async Task<BatchResult> CommitAsync(string source, IReadOnlyList<LogEvent> events, string? checkpoint, bool caughtUp, FutureEvents future)
    {
        var kept = new List<LogEvent>(events.Count);
        var scoredThrough = ScoredThrough;
        var late = 0;
        foreach (var e in events)
        {
            if (e.Level != LevelMapping.LogAlways && e.Level > _policy.MinLevel)
            {
                continue;
            }

            future.See(e);
            late += scoredThrough is { } end && e.TimeCreated < end ? 1 : 0;
            kept.Add(StoredMessage.Cap(e));
        }

        // Not cancellable: a batch that was read is committed whole or not at all, never half.
        var added = kept.Count == 0 && checkpoint is null ? 0 : await _store.AddEventsAsync(source, kept, checkpoint, CancellationToken.None).ConfigureAwait(false);
        var result = new BatchResult(source, kept.Count, added, late, caughtUp);
        BatchCommitted?.Invoke(result);
        return result;
    }
}
