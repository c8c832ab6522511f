using System.Buffers.Binary;
using System.IO.Hashing;

namespace Vigil.Collectors.Evtx;

/// <summary>The 4 KiB block at the start of an EVTX file ("ElfFile\0").</summary>
internal readonly record struct EvtxFileHeader(
    ulong FirstChunkNumber,
    ulong LastChunkNumber,
    ulong NextRecordId,
    ushort MinorVersion,
    ushort MajorVersion,
    ushort HeaderBlockSize,
    ushort ChunkCount,
    uint Flags,
    bool ChecksumValid)
{
    public const int Size = 4096;

    private static ReadOnlySpan<byte> Magic => "ElfFile\0"u8;

    public bool IsDirty => (Flags & 1) != 0;

    public bool IsFull => (Flags & 2) != 0;

    public static EvtxFileHeader Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8 || !data[..8].SequenceEqual(Magic))
        {
            throw new EvtxFormatException("file header: bad magic, not an EVTX file", 0);
        }

        if (data.Length < 128)
        {
            throw new EvtxFormatException("file header: file is shorter than the 128-byte header", data.Length);
        }

        var checksum = BinaryPrimitives.ReadUInt32LittleEndian(data[124..]);
        return new EvtxFileHeader(
            BinaryPrimitives.ReadUInt64LittleEndian(data[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(data[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(data[24..]),
            BinaryPrimitives.ReadUInt16LittleEndian(data[36..]),
            BinaryPrimitives.ReadUInt16LittleEndian(data[38..]),
            BinaryPrimitives.ReadUInt16LittleEndian(data[40..]),
            BinaryPrimitives.ReadUInt16LittleEndian(data[42..]),
            BinaryPrimitives.ReadUInt32LittleEndian(data[120..]),
            Crc32.HashToUInt32(data[..120]) == checksum);
    }
}
