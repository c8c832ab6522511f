using System.Runtime.CompilerServices;
using Vigil.Core.Events;
using Vigil.Ingest;

namespace Vigil.Collectors.Tests.Ingest;

public sealed class ReadAheadTests
{
    [Fact]
    public async Task BatchesQueuedBehindASlowCommitAreMergedInOrderWithTheNewestCheckpoint()
    {
        // Given a source of 40 batches of 10 events, the last one caught up, and a consumer slow on its first batch
        var handedOut = new List<ReadBatch>();
        await foreach (var batch in ReadAhead.MergedAsync(token => Batches(40, 10, token), 35, CancellationToken.None))
        {
            handedOut.Add(batch);
            if (handedOut.Count == 1)
            {
                await Task.Delay(200);
            }
        }

        // Then every event comes out once and in order, no merged batch passes the limit (a batch is never split),
        // and each merged batch carries the checkpoint of the last batch in it
        var ids = handedOut.SelectMany(b => b.Events).Select(e => e.EventId).ToList();
        Assert.Equal(Enumerable.Range(0, 400).Select(i => (long)i), ids);
        Assert.All(handedOut, b => Assert.InRange(b.Events.Count, 10, 35));
        Assert.All(handedOut, b => Assert.Equal($"after {b.Events[^1].EventId}", b.Checkpoint));
        Assert.True(handedOut[^1].CaughtUp);
        Assert.All(handedOut.SkipLast(1), b => Assert.False(b.CaughtUp));
    }

    [Fact]
    public async Task ASlowStoreGetsTransactionsOfTheWholeLimitWhateverTheSourcesBatchSize()
    {
        // Given a source of 30 batches of 10 events and a limit of 100 events per transaction
        var readUpTo = 0;
        var readWhenStoreResumed = 0;
        var handedOut = new List<ReadBatch>();

        // When the store is busy with its first transaction until the reader has queued ten more batches behind it
        await foreach (var batch in ReadAhead.MergedAsync(token => Counted(30, 10, n => Volatile.Write(ref readUpTo, n), token), 100, CancellationToken.None))
        {
            handedOut.Add(batch);
            var first = handedOut[0].Events.Count / 10;
            for (var wait = 0; handedOut.Count == 1 && wait < 500 && Volatile.Read(ref readUpTo) < first + 10; wait++)
            {
                await Task.Delay(10);
            }

            readWhenStoreResumed = handedOut.Count == 1 ? Volatile.Read(ref readUpTo) : readWhenStoreResumed;
        }

        // Then the reader was held back by the events queued, not by a count of batches, and the next transaction
        // takes the whole limit
        Assert.True(readWhenStoreResumed >= (handedOut[0].Events.Count / 10) + 10, $"the reader stopped after {readWhenStoreResumed} batches");
        Assert.Equal(100, handedOut[1].Events.Count);
        Assert.Equal(300, handedOut.Sum(b => b.Events.Count));
    }

    [Fact]
    public async Task StoppingAfterACaughtUpBatchStopsTheReaderBeforeReturning()
    {
        // Given a source that keeps following after it caught up, as a live one does
        var stopped = new TaskCompletionSource();

        // When the consumer stops at the first caught-up batch
        await foreach (var batch in ReadAhead.MergedAsync(token => FollowForever(stopped, token), 1000, CancellationToken.None))
        {
            if (batch.CaughtUp)
            {
                break;
            }
        }

        // Then the reader was cancelled and had finished by the time the loop ended
        Assert.True(stopped.Task.IsCompleted);
    }

    [Fact]
    public async Task ASourceFailureComesOutAfterTheBatchesReadBeforeIt()
    {
        var handedOut = new List<ReadBatch>();

        var failure = await Assert.ThrowsAsync<SourceException>(async () =>
        {
            await foreach (var batch in ReadAhead.MergedAsync(Failing, 1, CancellationToken.None))
            {
                handedOut.Add(batch);
            }
        });

        Assert.Equal("gone", failure.Message);
        Assert.Equal(["after 0", "after 1"], handedOut.Select(b => b.Checkpoint));
    }

    private static async IAsyncEnumerable<ReadBatch> Batches(int count, int size, [EnumeratorCancellation] CancellationToken token)
    {
        for (var b = 0; b < count; b++)
        {
            token.ThrowIfCancellationRequested();
            var events = Enumerable.Range(b * size, size).Select(Event).ToList();
            yield return new ReadBatch(events, $"after {events[^1].EventId}", b == count - 1);
            await Task.Yield();
        }
    }

    /// <summary>Like <see cref="Batches"/>, saying how many batches were taken by the reader so far (one past those queued).</summary>
    private static async IAsyncEnumerable<ReadBatch> Counted(int count, int size, Action<int> asked, [EnumeratorCancellation] CancellationToken token)
    {
        for (var b = 0; b < count; b++)
        {
            token.ThrowIfCancellationRequested();
            var events = Enumerable.Range(b * size, size).Select(Event).ToList();
            yield return new ReadBatch(events, $"after {events[^1].EventId}", b == count - 1);
            asked(b + 1);
            await Task.Yield();
        }
    }

    private static async IAsyncEnumerable<ReadBatch> FollowForever(TaskCompletionSource stopped, [EnumeratorCancellation] CancellationToken token)
    {
        try
        {
            yield return new ReadBatch([Event(0)], "after 0", true);
            while (true)
            {
                await Task.Delay(10, token);
                yield return new ReadBatch([], "after 0", true);
            }
        }
        finally
        {
            stopped.TrySetResult();
        }
    }

    private static async IAsyncEnumerable<ReadBatch> Failing([EnumeratorCancellation] CancellationToken token)
    {
        yield return new ReadBatch([Event(0)], "after 0", false);
        yield return new ReadBatch([Event(1)], "after 1", false);
        await Task.Yield();
        throw new SourceException("gone");
    }

    private static LogEvent Event(int id) =>
        new(new DateTime(2024, 5, 6, 7, 0, 0, DateTimeKind.Utc), LevelMapping.Information, id, "p", "c", "h", "m", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
