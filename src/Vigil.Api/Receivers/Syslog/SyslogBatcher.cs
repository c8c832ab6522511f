using System.Threading.Channels;
using Vigil.Storage;

namespace Vigil.Api.Receivers.Syslog;

/// <summary>
/// Collects received messages from every listener and commits them through the ingestion road every
/// <see cref="BatchSize"/> messages or every <see cref="Interval"/>, whichever comes first. The queue is bounded: TCP
/// senders wait when it is full (back-pressure through the socket), UDP datagrams are dropped and counted. A store
/// failure keeps the batch and retries with backoff.
/// </summary>
internal sealed class SyslogBatcher
{
    public const int BatchSize = 2_000;
    public const int QueueCapacity = 20_000;

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Channel<SyslogEntry> _queue = Channel.CreateBounded<SyslogEntry>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true });
    private readonly PushedEventWriter _writer;
    private readonly OccurrenceKeys _occurrences;
    private readonly ILogger _logger;
    private long _dropped;

    public SyslogBatcher(PushedEventWriter writer, TimeProvider time, ILogger logger)
    {
        _writer = writer;
        _occurrences = new OccurrenceKeys(time);
        _logger = logger;
    }

    /// <summary>Datagrams dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues a message from a stream sender, waiting while the queue is full.</summary>
    public ValueTask AddAsync(SyslogEntry entry, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(entry, cancellationToken);

    /// <summary>Queues a datagram, or drops it when the queue is full (UDP has no way to slow the sender).</summary>
    public void Offer(SyslogEntry entry)
    {
        if (!_queue.Writer.TryWrite(entry) && Interlocked.Increment(ref _dropped) is var dropped && (dropped == 1 || dropped % 10_000 == 0))
        {
            _logger.LogWarning("Syslog: {Dropped} UDP message(s) dropped so far because storing fell behind; use TCP for back-pressure", dropped);
        }
    }

    /// <summary>Commits until <paramref name="stopping"/>, then commits what is still queued.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var batch = new List<SyslogEntry>(BatchSize);
        while (true)
        {
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(stopping).ConfigureAwait(false))
                {
                    break;
                }

                using var window = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                window.CancelAfter(Interval);
                while (batch.Count < BatchSize)
                {
                    if (_queue.Reader.TryRead(out var entry))
                    {
                        batch.Add(entry);
                        continue;
                    }

                    try
                    {
                        await _queue.Reader.WaitToReadAsync(window.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await CommitAsync(batch, stopping).ConfigureAwait(false);
        }

        while (_queue.Reader.TryRead(out var rest))
        {
            batch.Add(rest);
        }

        await CommitAsync(batch, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task CommitAsync(List<SyslogEntry> batch, CancellationToken stopping)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var keyed = batch.Select(e => (e.StoredSource, e.Event with { RecordKey = _occurrences.Next(e.Event.RecordKey) })).ToList();
        var backoff = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await _writer.StoreAsync(keyed).ConfigureAwait(false);
                batch.Clear();
                return;
            }
            catch (StoreException ex) when (!stopping.IsCancellationRequested)
            {
                _logger.LogWarning("Syslog: {Count} message(s) could not be stored, retrying in {Seconds} s: {Problem}", keyed.Count, backoff.TotalSeconds, ex.Message);
                try
                {
                    await Task.Delay(backoff, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _logger.LogWarning("Syslog: {Count} received message(s) were not stored because the server stopped while the store was failing", keyed.Count);
                    batch.Clear();
                    return;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
        }
    }
}
