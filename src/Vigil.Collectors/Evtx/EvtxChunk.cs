using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Vigil.Collectors.Evtx.BinXml;

namespace Vigil.Collectors.Evtx;

/// <summary>
/// One 64 KiB chunk and the caches that only make sense inside it (names and templates are referenced by chunk offset).
/// Instances are reused from chunk to chunk so a reader allocates its buffers once.
/// </summary>
internal sealed class EvtxChunk
{
    public EvtxChunk()
    {
        Parser = new BinXmlParser(Strings);
    }

    public byte[] Data { get; } = new byte[EvtxChunkHeader.ChunkSize];

    /// <summary>The chunk's position in the file, counting from 0.</summary>
    public int Index { get; private set; }

    public EvtxChunkHeader Header { get; private set; }

    public ChunkStringCache Strings { get; } = new();

    public ChunkTemplateCache Templates { get; } = new();

    public BinXmlParser Parser { get; }

    /// <summary>Parses the header of the bytes just read into <see cref="Data"/>; false when the chunk has no magic.</summary>
    public bool Load(int index)
    {
        Index = index;
        Strings.Clear();
        Templates.Clear();
        if (!EvtxChunkHeader.HasMagic(Data))
        {
            return false;
        }

        Header = EvtxChunkHeader.Parse(Data);
        return true;
    }

    /// <summary>
    /// Lists the records of the chunk. A damaged record header ends the walk at that point unless a later record
    /// can be found by its magic, so one bad record never hides the rest of the chunk.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ReadRecords(List<EvtxRecord> records, Action<string> warn)
    {
        records.Clear();
        var span = Data.AsSpan();
        var end = Header.FreeSpaceOffset is >= EvtxChunkHeader.Size and <= EvtxChunkHeader.ChunkSize
            ? (int)Header.FreeSpaceOffset
            : EvtxChunkHeader.ChunkSize;
        // Bytes after the last record the header names are left over from an older use of the chunk.
        var last = Header.LastRecordOffset is >= EvtxChunkHeader.Size && Header.LastRecordOffset < end
            ? (int)Header.LastRecordOffset
            : end;
        var pos = EvtxChunkHeader.Size;
        while (pos <= last && pos + EvtxRecord.HeaderSize + 4 <= end)
        {
            if (TryRecordAt(span, pos, end, out var record))
            {
                records.Add(record);
                pos += record.DataLength + EvtxRecord.HeaderSize + 4;
                continue;
            }

            if (BinaryPrimitives.ReadUInt32LittleEndian(span[pos..]) == 0)
            {
                // Zeroed space after the last record: the writer did not update the free space offset.
                return;
            }

            // Past a damaged header the walk cannot know where the next record starts; what follows may be stale
            // records of an older use of the chunk, which both reference parsers also leave out.
            warn($"chunk {Index}: damaged record header at offset 0x{pos:x}, rest of chunk skipped");
            return;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryRecordAt(ReadOnlySpan<byte> span, int pos, int end, out EvtxRecord record)
    {
        record = default;
        if (BinaryPrimitives.ReadUInt32LittleEndian(span[pos..]) != EvtxRecord.Magic)
        {
            return false;
        }

        var size = BinaryPrimitives.ReadUInt32LittleEndian(span[(pos + 4)..]);
        if (size < EvtxRecord.HeaderSize + 4 || size > end - pos
            || BinaryPrimitives.ReadUInt32LittleEndian(span[(pos + (int)size - 4)..]) != size)
        {
            return false;
        }

        record = new EvtxRecord(
            BinaryPrimitives.ReadUInt64LittleEndian(span[(pos + 8)..]),
            BinaryPrimitives.ReadInt64LittleEndian(span[(pos + 16)..]),
            pos,
            pos + EvtxRecord.HeaderSize,
            (int)size - EvtxRecord.HeaderSize - 4);
        return true;
    }
}
