using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vigil.Collectors.Evtx.BinXml;

/// <summary>Bounds-checked little-endian reads inside a chunk; every overrun becomes an <see cref="EvtxFormatException"/>.</summary>
internal static class ChunkBytes
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte U8(ReadOnlySpan<byte> data, int offset)
    {
        Check(data, offset, 1);
        return data[offset];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort U16(ReadOnlySpan<byte> data, int offset)
    {
        Check(data, offset, 2);
        return BinaryPrimitives.ReadUInt16LittleEndian(data[offset..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint U32(ReadOnlySpan<byte> data, int offset)
    {
        Check(data, offset, 4);
        return BinaryPrimitives.ReadUInt32LittleEndian(data[offset..]);
    }

    /// <summary>An offset stored in the chunk, checked to point inside it.</summary>
    public static int Offset(ReadOnlySpan<byte> data, int offset)
    {
        var value = U32(data, offset);
        if (value >= (uint)data.Length)
        {
            throw new EvtxFormatException($"offset 0x{value:x} points outside the chunk", offset);
        }

        return (int)value;
    }

    public static ReadOnlySpan<char> Utf16(ReadOnlySpan<byte> data, int offset, int chars)
    {
        Check(data, offset, chars * 2);
        return MemoryMarshal.Cast<byte, char>(data.Slice(offset, chars * 2));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check(ReadOnlySpan<byte> data, int offset, long length)
    {
        if (offset < 0 || length < 0 || offset + length > data.Length)
        {
            ThrowOutside(offset, length);
        }
    }

    // Kept out of line so the checks above inline into the token loops as a compare and a branch.
    private static void ThrowOutside(int offset, long length) =>
        throw new EvtxFormatException($"{length} bytes do not fit in the chunk", offset);
}
