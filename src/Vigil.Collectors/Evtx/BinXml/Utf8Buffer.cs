using System.Buffers;
using System.Runtime.CompilerServices;

namespace Vigil.Collectors.Evtx.BinXml;

/// <summary>
/// A growable UTF-8 byte buffer that values and markup are formatted straight into: no string per value, no encoding
/// pass at the end. One per worker, reused from chunk to chunk, so it grows to the largest chunk output and stays.
/// </summary>
internal sealed class Utf8Buffer(int capacity = 256) : IBufferWriter<byte>
{
    private byte[] _buffer = new byte[Math.Max(16, capacity)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    /// <summary>Drops everything written after <paramref name="length"/> bytes (a record that turned out damaged).</summary>
    public void Truncate(int length) => Length = Math.Min(Length, length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        if (_buffer.Length - Length < Math.Max(sizeHint, 1))
        {
            Grow(sizeHint);
        }

        return _buffer.AsSpan(Length);
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        GetSpan(sizeHint);
        return _buffer.AsMemory(Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Advance(int count) => Length += count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(byte value)
    {
        if (Length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[Length++] = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (_buffer.Length - Length < bytes.Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>Writes <paramref name="count"/> copies of <paramref name="value"/> (indentation).</summary>
    public void Write(byte value, int count)
    {
        GetSpan(count)[..count].Fill(value);
        Length += count;
    }

    private void Grow(int sizeHint)
    {
        var size = Math.Max(_buffer.Length * 2, Length + Math.Max(sizeHint, 1));
        Array.Resize(ref _buffer, size);
    }
}
