namespace Vigil.Collectors.Evtx;

/// <summary>Header facts of an EVTX file and the problems found walking its chunks (without rendering records).</summary>
public sealed record EvtxFileInfo(
    string Path,
    int MajorVersion,
    int MinorVersion,
    int HeaderChunkCount,
    int ChunksInFile,
    int UsedChunks,
    long Records,
    ulong? FirstRecordId,
    ulong? LastRecordId,
    DateTime? FirstRecordTime,
    DateTime? LastRecordTime,
    bool IsDirty,
    bool IsFull,
    bool HeaderChecksumValid,
    IReadOnlyList<string> Problems)
{
    /// <summary>Reads the facts of <paramref name="path"/>.</summary>
    /// <exception cref="EvtxFormatException">The file header is not an EVTX header.</exception>
    public static EvtxFileInfo Read(string path)
    {
        using var reader = new EvtxFileReader(path);
        var problems = new List<string>();
        if (!reader.Header.ChecksumValid)
        {
            problems.Add("file header: checksum mismatch");
        }

        long records = 0;
        var used = 0;
        (ulong Id, long Time)? first = null, last = null;
        foreach (var (worker, _) in EvtxChunkPipeline.Run(reader, 1, static () => 0, static (_, _) => { }))
        {
            problems.AddRange(worker.Warnings);
            used += worker.HasRecords ? 1 : 0;
            foreach (var record in worker.Records)
            {
                records++;
                first = first is null || record.Id < first.Value.Id ? (record.Id, record.WrittenTime) : first;
                last = last is null || record.Id > last.Value.Id ? (record.Id, record.WrittenTime) : last;
            }
        }

        var h = reader.Header;
        return new EvtxFileInfo(path, h.MajorVersion, h.MinorVersion, h.ChunkCount, reader.ChunkCount, used, records,
            first?.Id, last?.Id, first is { } f ? EvtxTime.FromFileTime(f.Time) : null, last is { } l ? EvtxTime.FromFileTime(l.Time) : null,
            h.IsDirty, h.IsFull, h.ChecksumValid, problems);
    }
}
