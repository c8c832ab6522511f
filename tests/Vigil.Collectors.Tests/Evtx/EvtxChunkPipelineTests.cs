using Vigil.Collectors.Evtx;
using Vigil.Collectors.Tests.Support;

namespace Vigil.Collectors.Tests.Evtx;

public sealed class EvtxChunkPipelineTests
{
    // security.evtx holds 32 chunks: a ring of 6 (2 threads) or 9 (3 threads) slots goes round several times.
    [Theory]
    [InlineData(EvtxDumpFormat.Xml, 2)]
    [InlineData(EvtxDumpFormat.Xml, 3)]
    [InlineData(EvtxDumpFormat.Jsonl, 2)]
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
