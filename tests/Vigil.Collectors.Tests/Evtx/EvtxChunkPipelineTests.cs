using Vigil.Collectors.Evtx;
using Vigil.Collectors.Tests.Support;

namespace Vigil.Collectors.Tests.Evtx;

public sealed class EvtxChunkPipelineTests
{
    // security.evtx holds 32 chunks: several batches of 8 (2 threads) or 12 (3 threads), parsed while the one before is written.
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
}
