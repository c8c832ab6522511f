using Vigil.Collectors.Evtx;
using Vigil.Collectors.Evtx.Output;
using Vigil.Collectors.Tests.Support;

namespace Vigil.Collectors.Tests.Evtx;

/// <summary>
/// Random damage (deterministic seeds) to every sample: the parser returns records or reports a typed
/// <see cref="EvtxFormatException"/> (as a warning), never any other exception, and allocates a bounded amount per chunk.
/// A longer run by hand: VIGIL_EVTX_MUTATIONS=5000.
/// </summary>
public sealed class EvtxMutationTests
{
    private const int ChunkSize = 65536;
    private const int FileHeaderSize = 4096;
    private const long MaxBytesAllocatedPerChunk = 256L << 20;

    private static readonly int MutationsPerFile =
        int.TryParse(Environment.GetEnvironmentVariable("VIGIL_EVTX_MUTATIONS"), out var n) ? n : 100;

    [Fact]
    public void RandomByteFlipsInChunksNeverCrashTheParserNorAllocateWithoutBound()
    {
        var worker = new EvtxChunkWorker();
        var xml = new XmlRecordSink(new Vigil.Collectors.Evtx.BinXml.Utf8Buffer());
        var fields = new FieldCollectorSink();
        long rendered = 0, rejected = 0;
        for (var f = 0; f < EvtxSamples.All.Count; f++)
        {
            var bytes = File.ReadAllBytes(EvtxSamples.All[f]);
            var chunks = (bytes.Length - FileHeaderSize) / ChunkSize;
            var random = new Random(1000 + f);
            for (var m = 0; m < MutationsPerFile && chunks > 0; m++)
            {
                var chunk = random.Next(chunks);
                bytes.AsSpan(FileHeaderSize + (chunk * ChunkSize), ChunkSize).CopyTo(worker.Chunk.Data);
                worker.BytesRead = Mutate(worker.Chunk.Data, random);
                var before = GC.GetAllocatedBytesForCurrentThread();
                worker.Prepare(chunk);
                foreach (var record in worker.Records)
                {
                    xml.Output.Clear();
                    xml.Reset();
                    fields.Reset();
                    var ok = worker.TryRender(record, xml) & worker.TryRender(record, fields);
                    rendered += ok ? 1 : 0;
                    rejected += ok ? 0 : 1;
                }

                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.True(allocated < MaxBytesAllocatedPerChunk, $"{Path.GetFileName(EvtxSamples.All[f])} mutation {m}: {allocated} bytes allocated for one chunk");
            }
        }

        Assert.True(rendered > 0 && rejected > 0, $"mutations should both keep and break records ({rendered} rendered, {rejected} rejected)");
    }

    [Fact]
    public void TruncatedOrDamagedFilesGiveRecordsOrATypedErrorOnly()
    {
        var random = new Random(7);
        var dir = Directory.CreateTempSubdirectory("vigil-evtx-mutations-").FullName;
        try
        {
            foreach (var sample in EvtxSamples.All.Where(static f => new FileInfo(f).Length < 256 * 1024))
            {
                var original = File.ReadAllBytes(sample);
                for (var m = 0; m < 20; m++)
                {
                    var bytes = original[..random.Next(0, original.Length)];
                    for (var i = 0; i < 4 && bytes.Length > 0; i++)
                    {
                        bytes[random.Next(Math.Min(bytes.Length, FileHeaderSize + 1024))] = (byte)random.Next(256);
                    }

                    var path = Path.Combine(dir, "m.evtx");
                    File.WriteAllBytes(path, bytes);
                    try
                    {
                        EvtxDumper.Dump(path, Stream.Null, m % 2 == 0 ? EvtxDumpFormat.Xml : EvtxDumpFormat.Jsonl, 2);
                    }
                    catch (EvtxFormatException)
                    {
                        // A header that is not EVTX is a typed error; anything else fails the test.
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Flips a few bytes (mostly in the records), sometimes cuts the chunk short; returns the bytes "read".</summary>
    private static int Mutate(byte[] chunk, Random random)
    {
        if (random.Next(10) == 0)
        {
            var cut = random.Next(chunk.Length);
            chunk.AsSpan(cut).Clear();
            return cut;
        }

        var flips = random.Next(1, 9);
        for (var i = 0; i < flips; i++)
        {
            var at = random.Next(4) == 0 ? random.Next(chunk.Length) : 512 + random.Next(4096);
            chunk[at] = (byte)random.Next(256);
        }

        return chunk.Length;
    }
}
