namespace Vigil.Otlp.Wire;

/// <summary>
/// Reads the protobuf wire format of one message lying in <c>[start, end)</c> of a request body, field by field,
/// without building objects: length-delimited fields come back as <see cref="ProtoSlice"/>s of the same body, so a
/// nested message is read by another reader over its slice. Fields the caller does not know are skipped (groups too),
/// as protobuf's own parsers do; a truncated or malformed field is an <see cref="OtlpFormatException"/>.
/// </summary>
internal ref struct ProtoReader
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int Delimited = 2;
    private const int StartGroup = 3;
    private const int EndGroup = 4;
    private const int Fixed32 = 5;

    private readonly ReadOnlySpan<byte> _body;
    private readonly int _end;
    private int _position;

    public ProtoReader(byte[] body, ProtoSlice slice)
    {
        _body = body;
        _position = slice.Start;
        _end = slice.Start + slice.Length;
    }

    public static uint Tag(int field, int wireType) => (uint)((field << 3) | wireType);

    /// <summary>The next field's tag, false at the end of the message.</summary>
    public bool Next(out uint tag)
    {
        if (_position >= _end)
        {
            tag = 0;
            return false;
        }

        var raw = ReadVarint();
        if (raw >> 3 == 0 || raw > uint.MaxValue || (raw & 7) > Fixed32)
        {
            throw Malformed("a field tag is invalid");
        }

        tag = (uint)raw;
        return true;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _end)
            {
                throw Malformed("a varint is truncated");
            }

            var b = _body[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw Malformed("a varint is longer than 10 bytes");
    }

    public ulong ReadFixed64()
    {
        Need(8);
        var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(_body.Slice(_position, 8));
        _position += 8;
        return value;
    }

    public ProtoSlice ReadSlice()
    {
        var length = ReadVarint();
        if (length > (ulong)(_end - _position))
        {
            throw Malformed("a length-delimited field runs past its message");
        }

        var slice = new ProtoSlice(_position, (int)length);
        _position += (int)length;
        return slice;
    }

    /// <summary>Skips the value of a field just read by <see cref="Next"/>.</summary>
    public void Skip(uint tag)
    {
        switch ((int)(tag & 7))
        {
            case Varint:
                ReadVarint();
                break;
            case Fixed64:
                Need(8);
                _position += 8;
                break;
            case Delimited:
                ReadSlice();
                break;
            case Fixed32:
                Need(4);
                _position += 4;
                break;
            case StartGroup:
                SkipGroup(tag >> 3);
                break;
            default:
                throw Malformed("an end-group tag has no start");
        }
    }

    private void SkipGroup(uint field)
    {
        while (Next(out var tag))
        {
            if ((tag & 7) == EndGroup)
            {
                if (tag >> 3 != field)
                {
                    throw Malformed("a group ends with another group's tag");
                }

                return;
            }

            Skip(tag);
        }

        throw Malformed("a group is not closed");
    }

    private void Need(int bytes)
    {
        if (_end - _position < bytes)
        {
            throw Malformed("a fixed-width field is truncated");
        }
    }

    private readonly OtlpFormatException Malformed(string what) =>
        new($"the body is not an OTLP ExportLogsServiceRequest in protobuf: {what} (byte {_position})");
}
