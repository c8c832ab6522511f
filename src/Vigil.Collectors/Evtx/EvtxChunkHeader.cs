using System.Buffers.Binary;
using System.IO.Hashing;

namespace Vigil.Collectors.Evtx;

/// <summary>The 512-byte header of a 64 KiB chunk ("ElfChnk\0"), with its string and template offset tables.</summary>
internal readonly record struct EvtxChunkHeader(
    ulong FirstRecordId,
    ulong LastRecordId,
    uint LastRecordOffset,
    uint FreeSpaceOffset,
    bool HeaderChecksumValid,
    bool DataChecksumValid)
{
    public const int Size = 512;
    public const int ChunkSize = 65536;

    private static ReadOnlySpan<byte> Magic => "ElfChnk\0"u8;

    public static bool HasMagic(ReadOnlySpan<byte> chunk) => chunk.Length >= 8 && chunk[..8].SequenceEqual(Magic);

    /// <summary>Parses the header of a whole chunk; the caller has checked the magic.</summary>
    public static EvtxChunkHeader Parse(ReadOnlySpan<byte> chunk)
    {
        var free = BinaryPrimitives.ReadUInt32LittleEndian(chunk[48..]);
        var headerCrc = new Crc32();
        headerCrc.Append(chunk[..120]);
        headerCrc.Append(chunk[128..Size]);
        var headerValid = headerCrc.GetCurrentHashAsUInt32() == BinaryPrimitives.ReadUInt32LittleEndian(chunk[124..]);

        // The data checksum covers the records, from the end of the header to the start of free space.
        var dataValid = free >= Size && free <= chunk.Length
            && Crc32.HashToUInt32(chunk[Size..(int)free]) == BinaryPrimitives.ReadUInt32LittleEndian(chunk[52..]);
        return new EvtxChunkHeader(
            BinaryPrimitives.ReadUInt64LittleEndian(chunk[24..]),
            BinaryPrimitives.ReadUInt64LittleEndian(chunk[32..]),
            BinaryPrimitives.ReadUInt32LittleEndian(chunk[44..]),
            free,
            headerValid,
            dataValid);
    }
}
