namespace Vigil.Collectors.Evtx;

/// <summary>
/// Header facts of an EVTX file, the EventRecordID and TimeCreated ranges of its records (read from the records
/// themselves) and the problems found walking its chunks.
/// </summary>
public sealed record EvtxFileInfo(
    string Path,
    int MajorVersion,
    int MinorVersion,
    int HeaderChunkCount,
    int ChunksInFile,
    int UsedChunks,
    long Records,
    ulong? MinEventRecordId,
    ulong? MaxEventRecordId,
    DateTime? EarliestTimeCreated,
    DateTime? LatestTimeCreated,
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
        var ranges = new EvtxRecordRanges();
        foreach (var (worker, _) in EvtxChunkPipeline.Run(reader, 1, () => ranges, static (w, r) => r.Collect(w)))
        {
            problems.AddRange(worker.Warnings);
            used += worker.HasRecords ? 1 : 0;
            records += worker.Records.Count;
        }

        var h = reader.Header;
        return new EvtxFileInfo(path, h.MajorVersion, h.MinorVersion, h.ChunkCount, reader.ChunkCount, used, records,
            ranges.MinRecordId, ranges.MaxRecordId, ranges.Earliest, ranges.Latest, h.IsDirty, h.IsFull, h.ChecksumValid, problems);
    }
}
