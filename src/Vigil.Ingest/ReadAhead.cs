using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Vigil.Core.Events;

namespace Vigil.Ingest;

/// <summary>
/// Reads a source on its own task while the store commits, so batch N+1 is parsed while batch N is written. The batches
/// that queued up during a commit go into the next transaction together, with the newest checkpoint (which covers them
/// all): a store slower than its source gets bigger transactions, never a longer queue, and memory stays bounded.
/// The queue holds up to one full transaction of events, whatever the sources' batch size, so a slow store commits
/// transactions of <c>maxEvents</c>: each commit rewrites every page it touched, so fewer commits write far less.
/// </summary>
internal static class ReadAhead
{
    /// <param name="read">Enumerates the source with the token it is given; that token stops it once the consumer is done.</param>
    /// <param name="maxEvents">
    /// Queued batches are merged while the result stays at or below this many events (a batch is never split); the reader
    /// waits while this many events are queued.
    /// </param>
    public static async IAsyncEnumerable<ReadBatch> MergedAsync(Func<CancellationToken, IAsyncEnumerable<ReadBatch>> read, int maxEvents, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = Channel.CreateUnbounded<ReadBatch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var room = new EventBudget(maxEvents);
        var reading = Task.Run(() => PumpAsync(read(stop.Token), queue.Writer, room, stop.Token), CancellationToken.None);
        try
        {
            // A failure of the source comes out of WaitToReadAsync once everything read before it was handed out.
            while (await queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!queue.Reader.TryRead(out var batch))
                {
                    continue;
                }

                room.Free(batch.Events.Count);
                List<LogEvent>? merged = null;
                while (!batch.CaughtUp && queue.Reader.TryPeek(out var next) && batch.Events.Count + next.Events.Count <= maxEvents)
                {
                    queue.Reader.TryRead(out _);
                    room.Free(next.Events.Count);
                    merged ??= [.. batch.Events];
                    merged.AddRange(next.Events);
                    batch = new ReadBatch(merged, next.Checkpoint ?? batch.Checkpoint, next.CaughtUp);
                }

                yield return batch;
            }
        }
        finally
        {
            // The consumer stopped (caught up, failed or cancelled): stop the reader and let it finish before returning,
            // so nothing reads the source after the caller moves on.
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await reading.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static async Task PumpAsync(IAsyncEnumerable<ReadBatch> batches, ChannelWriter<ReadBatch> queue, EventBudget room, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in batches.ConfigureAwait(false))
            {
                await room.TakeAsync(batch.Events.Count, cancellationToken).ConfigureAwait(false);
                await queue.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            queue.TryComplete();
        }
        catch (Exception ex)
        {
            queue.TryComplete(ex);
        }
    }
}
