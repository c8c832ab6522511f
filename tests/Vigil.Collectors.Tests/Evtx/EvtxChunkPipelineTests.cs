using Vigil.Collectors.Evtx;
using Vigil.Collectors.Tests.Support;

namespace Vigil.Collectors.Tests.Evtx;

public sealed class EvtxChunkPipelineTests
{
    // security.evtx holds 32 chunks: a ring of 6 (2 threads) or 9 (3 threads) slots goes round several times; 16
    // threads have 32 slots, every chunk its own.
    [Theory]
    [InlineData(EvtxDumpFormat.Xml, 2)]
    [InlineData(EvtxDumpFormat.Xml, 3)]
    [InlineData(EvtxDumpFormat.Jsonl, 2)]
    [InlineData(EvtxDumpFormat.Jsonl, 8)]
    [InlineData(EvtxDumpFormat.Xml, 16)]
    public void DumpingOnSeveralThreadsWritesExactlyWhatOneThreadWrites(EvtxDumpFormat format, int threads)
    {
        var path = EvtxSamples.Path("security.evtx");
        using var one = new MemoryStream();
        using var several = new MemoryStream();

        var single = EvtxDumper.Dump(path, one, format, 1);
        var parallel = EvtxDumper.Dump(path, several, format, threads);

        Assert.True(single.RecordsWritten > 1000, $"{single.RecordsWritten} records");
        Assert.Equal(single, parallel);
        Assert.True(one.ToArray().AsSpan().SequenceEqual(several.ToArray()), "the outputs differ");
    }

    [Fact]
    public void ChunksFinishingOutOfOrderOnManyThreadsReachTheCallerInFileOrderEachWithItsOwnResult()
    {
        // Given 8 threads where every even chunk takes longer than the odd chunk after it
        using var reader = new EvtxFileReader(EvtxSamples.Path("security.evtx"));
        var finished = new List<int>();
        var seen = new List<(int Index, int Result, int Records)>();

        // When each worker writes its chunk's index and record count into its slot's state
        foreach (var (worker, state) in EvtxChunkPipeline.Run(reader, 8, static () => new int[2], (w, s) =>
        {
            Thread.Sleep(w.Chunk.Index % 2 == 0 ? 15 : 0);
            s[0] = w.Chunk.Index;
            s[1] = w.Records.Count;
            lock (finished)
            {
                finished.Add(w.Chunk.Index);
            }
        }))
        {
            seen.Add((worker.Chunk.Index, state[0], state[1]));
            Assert.Equal(worker.Records.Count, state[1]);
        }

        // Then the workers finished out of order, and the caller still saw every chunk once, in order, with its own result
        Assert.NotEqual(Enumerable.Range(0, reader.ChunkCount), finished);
        Assert.Equal(Enumerable.Range(0, reader.ChunkCount), seen.Select(s => s.Index));
        Assert.Equal(Enumerable.Range(0, reader.ChunkCount), seen.Select(s => s.Result));
        Assert.True(seen.Sum(s => s.Records) > 1000, $"{seen.Sum(s => s.Records)} records");
    }

    [Fact]
    public void AFailureInOneChunkReachesTheCallerAtThatChunkAsItself()
    {
        using var reader = new EvtxFileReader(EvtxSamples.Path("security.evtx"));
        var seen = new List<int>();

        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var (worker, _) in EvtxChunkPipeline.Run(reader, 2, static () => 0, static (w, _) => FailAt(w, 5)))
            {
                seen.Add(worker.Chunk.Index);
            }
        });

        Assert.Equal("chunk 5", error.Message);
        Assert.Equal([0, 1, 2, 3, 4], seen);
    }

    [Fact]
    public void ACallerThatStopsEarlyStopsTheWorkersAFewChunksAhead()
    {
        using var reader = new EvtxFileReader(EvtxSamples.Path("security.evtx"));
        var processed = 0;

        foreach (var (worker, _) in EvtxChunkPipeline.Run(reader, 2, static () => 0, (_, _) => Interlocked.Increment(ref processed)))
        {
            if (worker.Chunk.Index == 1)
            {
                break;
            }
        }

        var afterStop = Volatile.Read(ref processed);
        Assert.True(reader.ChunkCount >= 30, $"{reader.ChunkCount} chunks");
        Assert.InRange(afterStop, 2, 2 + 6);
    }

    private static void FailAt(EvtxChunkWorker worker, int index)
    {
        if (worker.Chunk.Index == index)
        {
            throw new InvalidOperationException($"chunk {index}");
        }
    }
}
