using Vigil.Collectors.Evtx;
using Vigil.Collectors.Tests.Support;

namespace Vigil.Collectors.Tests.Evtx;

/// <summary>Damaged files: the damage is reported, and every record outside it is still returned.</summary>
public sealed class EvtxCorruptionTests : IDisposable
{
    private const int ChunkSize = 65536;
    private const int FileHeaderSize = 4096;
    private static readonly string Sample = EvtxSamples.Path("2-vss_7-System.evtx");

    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-evtx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ABadChunkMagicSkipsThatChunkAndKeepsEveryOtherRecord()
    {
        var bytes = File.ReadAllBytes(Sample);
        var (first, last) = ChunkRecordIds(bytes, 1);
        bytes[FileHeaderSize + ChunkSize] ^= 0xff;

        var (ids, warnings) = Read(bytes);

        Assert.Contains(warnings, w => w.Contains("chunk 1: bad magic, skipped", StringComparison.Ordinal));
        Assert.Equal(EvtxJsonLines.RecordIds(Sample).Where(id => id < first || id > last), ids);
    }

    [Fact]
    public void ABadChunkChecksumIsReportedAndItsRecordsAreStillRead()
    {
        var bytes = File.ReadAllBytes(Sample);
        bytes[FileHeaderSize + (2 * ChunkSize) + 60] ^= 0x5a; // reserved header bytes, covered by the header CRC

        var (ids, warnings) = Read(bytes);

        Assert.Contains(warnings, w => w.Contains("chunk 2: header checksum mismatch", StringComparison.Ordinal));
        Assert.Equal(EvtxJsonLines.RecordIds(Sample), ids);
    }

    [Fact]
    public void ATruncatedFileKeepsEveryRecordBeforeTheCut()
    {
        var bytes = File.ReadAllBytes(Sample);
        var cut = FileHeaderSize + (2 * ChunkSize) + 30000;
        var (_, lastWhole) = ChunkRecordIds(bytes, 1);

        var (ids, warnings) = Read(bytes[..cut]);

        Assert.Contains(warnings, w => w.Contains("chunk 2: truncated", StringComparison.Ordinal));
        var all = EvtxJsonLines.RecordIds(Sample);
        Assert.Equal(all.Where(id => id <= lastWhole), ids.Where(id => id <= lastWhole));
        Assert.True(ids.Count > all.Count(id => id <= lastWhole), "the records before the cut in the truncated chunk are read too");
        Assert.Subset(all.ToHashSet(), ids.ToHashSet());
    }

    [Fact]
    public void GarbageInsideARecordSkipsOnlyThatRecordAndNamesIt()
    {
        var bytes = File.ReadAllBytes(Sample);
        var victim = ChunkRecords(bytes, 0)[3];
        bytes.AsSpan(FileHeaderSize + victim.DataOffset, 4).Fill(0xff);

        var (ids, warnings) = Read(bytes);

        Assert.Contains(warnings, w => w.Contains($"chunk 0: record {victim.Id} ", StringComparison.Ordinal));
        Assert.Equal(EvtxJsonLines.RecordIds(Sample).Where(id => id != victim.Id), ids);
    }

    [Fact]
    public async Task AFileThatIsNotEvtxIsATypedErrorForTheDumpAndASourceErrorForTheSource()
    {
        var path = Path.Combine(_dir, "notes.evtx");
        await File.WriteAllTextAsync(path, "this is not an event log");

        var format = Assert.Throws<EvtxFormatException>(() => EvtxDumper.Dump(path, Stream.Null, EvtxDumpFormat.Xml, 1));
        Assert.Contains("not an EVTX file", format.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<SourceException>(async () =>
        {
            await foreach (var _ in EvtxFileSource.Create(path).ReadAsync(SourceReadOptions.Everything, CancellationToken.None))
            {
            }
        });
    }

    private (IReadOnlyList<ulong> Ids, IReadOnlyList<string> Warnings) Read(byte[] bytes)
    {
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.evtx");
        File.WriteAllBytes(path, bytes);
        var (records, warnings) = EvtxJsonLines.Read(path);
        return (records.Select(static r => r.GetProperty("EventRecordID").GetUInt64()).ToList(), warnings);
    }

    private static (ulong First, ulong Last) ChunkRecordIds(byte[] file, int chunk)
    {
        var records = ChunkRecords(file, chunk);
        return (records[0].Id, records[^1].Id);
    }

    private static List<EvtxRecord> ChunkRecords(byte[] file, int chunk)
    {
        var worker = new EvtxChunkWorker();
        file.AsSpan(FileHeaderSize + (chunk * ChunkSize), ChunkSize).CopyTo(worker.Chunk.Data);
        worker.BytesRead = ChunkSize;
        worker.Prepare(chunk);
        return [.. worker.Records];
    }
}
