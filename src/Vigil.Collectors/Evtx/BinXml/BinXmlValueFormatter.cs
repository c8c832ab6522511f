using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace Vigil.Collectors.Evtx.BinXml;

/// <summary>
/// Renders typed values the way Windows' event viewer XML (and libevtx) shows them: decimal integers, 0x-padded hex
/// integers, uppercase GUIDs and binary, ISO 8601 times with 100 ns digits. Never throws on odd bytes.
/// Values are formatted straight into UTF-8 (no string per value); UTF-16 text is escaped and transcoded in runs,
/// with unpaired surrogates replaced by U+FFFD as a UTF-8 encoder does.
/// </summary>
internal static class BinXmlValueFormatter
{
    private static readonly SearchValues<char> s_xmlSpecial = SearchValues.Create("&<>\"");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Append(Utf8Buffer output, byte type, ReadOnlySpan<byte> data, bool xmlEscape)
    {
        if ((type & BinXmlValueType.ArrayFlag) != 0)
        {
            AppendArray(output, (byte)(type & ~BinXmlValueType.ArrayFlag), data, xmlEscape);
            return;
        }

        switch (type)
        {
            case BinXmlValueType.Null:
                return;
            case BinXmlValueType.String:
            case BinXmlValueType.EvtXml:
                AppendText(output, MemoryMarshal.Cast<byte, char>(data[..(data.Length & ~1)]).TrimEnd('\0'), xmlEscape);
                return;
            case BinXmlValueType.AnsiString:
                AppendAnsi(output, data, xmlEscape);
                return;
            case BinXmlValueType.Binary:
                AppendHex(output, data);
                return;
            case BinXmlValueType.Sid:
                AppendSid(output, data);
                return;
            case BinXmlValueType.SizeT:
            case BinXmlValueType.EvtHandle:
                // Both reference parsers show pointer-sized values in decimal, whatever their width.
                if (data.Length == 4)
                {
                    AppendNumber(output, BinaryPrimitives.ReadUInt32LittleEndian(data));
                    return;
                }

                if (data.Length == 8)
                {
                    AppendNumber(output, BinaryPrimitives.ReadUInt64LittleEndian(data));
                    return;
                }

                AppendHex(output, data);
                return;
        }

        var size = BinXmlValueType.FixedSize(type);
        if (size == 0 || data.Length < size)
        {
            // Unknown type or short value: show the bytes rather than guess.
            AppendHex(output, data);
            return;
        }

        AppendFixed(output, type, data);
    }

    /// <summary>Appends one value of a fixed-size type; <paramref name="data"/> holds at least its size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AppendFixed(Utf8Buffer output, byte type, ReadOnlySpan<byte> data)
    {
        switch (type)
        {
            case BinXmlValueType.Int8: AppendNumber(output, (sbyte)data[0]); break;
            case BinXmlValueType.UInt8: AppendNumber(output, data[0]); break;
            case BinXmlValueType.Int16: AppendNumber(output, BinaryPrimitives.ReadInt16LittleEndian(data)); break;
            case BinXmlValueType.UInt16: AppendNumber(output, BinaryPrimitives.ReadUInt16LittleEndian(data)); break;
            case BinXmlValueType.Int32: AppendNumber(output, BinaryPrimitives.ReadInt32LittleEndian(data)); break;
            case BinXmlValueType.UInt32: AppendNumber(output, BinaryPrimitives.ReadUInt32LittleEndian(data)); break;
            case BinXmlValueType.Int64: AppendNumber(output, BinaryPrimitives.ReadInt64LittleEndian(data)); break;
            case BinXmlValueType.UInt64: AppendNumber(output, BinaryPrimitives.ReadUInt64LittleEndian(data)); break;
            case BinXmlValueType.Real32: AppendNumber(output, BinaryPrimitives.ReadSingleLittleEndian(data), "R"); break;
            case BinXmlValueType.Real64: AppendNumber(output, BinaryPrimitives.ReadDoubleLittleEndian(data), "R"); break;
            case BinXmlValueType.Bool: output.Write(BinaryPrimitives.ReadUInt32LittleEndian(data) != 0 ? "true"u8 : "false"u8); break;
            case BinXmlValueType.HexInt32:
                output.Write("0x"u8);
                AppendNumber(output, BinaryPrimitives.ReadUInt32LittleEndian(data), "x8");
                break;
            case BinXmlValueType.HexInt64:
                output.Write("0x"u8);
                AppendNumber(output, BinaryPrimitives.ReadUInt64LittleEndian(data), "x16");
                break;
            case BinXmlValueType.Guid: AppendGuid(output, data); break;
            case BinXmlValueType.FileTime: AppendFileTime(output, BinaryPrimitives.ReadInt64LittleEndian(data)); break;
            case BinXmlValueType.SystemTime: AppendSystemTime(output, data); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AppendNumber<T>(Utf8Buffer output, T value, string? format = null)
        where T : IUtf8SpanFormattable
    {
        value.TryFormat(output.GetSpan(32), out var written, format, CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    /// <summary>yyyy-MM-ddTHH:mm:ss.fffffff00Z, digits written by hand: this runs once or more per record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendFileTime(Utf8Buffer output, long fileTime)
    {
        if (fileTime is < 0 or > EvtxTime.MaxFileTime)
        {
            output.Write("0x"u8);
            AppendNumber(output, fileTime, "x16");
            return;
        }

        var span = output.GetSpan(30);
        WriteIsoTime(span, DateTime.FromFileTimeUtc(fileTime));
        "00Z"u8.CopyTo(span[27..]);
        output.Advance(30);
    }

    /// <summary>Writes the 27 bytes of yyyy-MM-ddTHH:mm:ss.fffffff.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteIsoTime(Span<byte> span, DateTime time)
    {
        var (year, month, day) = time;
        var ticks = time.Ticks % TimeSpan.TicksPerDay;
        Digits(span, 0, year, 4);
        span[4] = (byte)'-';
        Digits(span, 5, month, 2);
        span[7] = (byte)'-';
        Digits(span, 8, day, 2);
        span[10] = (byte)'T';
        Digits(span, 11, (int)(ticks / TimeSpan.TicksPerHour), 2);
        span[13] = (byte)':';
        Digits(span, 14, (int)(ticks / TimeSpan.TicksPerMinute % 60), 2);
        span[16] = (byte)':';
        Digits(span, 17, (int)(ticks / TimeSpan.TicksPerSecond % 60), 2);
        span[19] = (byte)'.';
        Digits(span, 20, (int)(ticks % TimeSpan.TicksPerSecond), 7);
    }

    private static void Digits(Span<byte> span, int at, int value, int count)
    {
        for (var i = at + count - 1; i >= at; i--)
        {
            span[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AppendSystemTime(Utf8Buffer output, ReadOnlySpan<byte> data)
    {
        var v = MemoryMarshal.Cast<byte, ushort>(data[..16]);
        AppendNumber(output, v[0], "D4");
        output.Write((byte)'-');
        AppendNumber(output, v[1], "D2");
        output.Write((byte)'-');
        AppendNumber(output, v[3], "D2");
        output.Write((byte)'T');
        AppendNumber(output, v[4], "D2");
        output.Write((byte)':');
        AppendNumber(output, v[5], "D2");
        output.Write((byte)':');
        AppendNumber(output, v[6], "D2");
        output.Write((byte)'.');
        AppendNumber(output, v[7], "D3");
        output.Write((byte)'Z');
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AppendGuid(Utf8Buffer output, ReadOnlySpan<byte> data)
    {
        var span = output.GetSpan(38);
        new Guid(data[..16]).TryFormat(span, out var written, "B");
        Ascii.ToUpperInPlace(span[..written], out _);
        output.Advance(written);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AppendSid(Utf8Buffer output, ReadOnlySpan<byte> data)
    {
        if (data.Length < 8 || data.Length < 8 + (data[1] * 4))
        {
            AppendHex(output, data);
            return;
        }

        ulong authority = 0;
        for (var i = 2; i < 8; i++)
        {
            authority = (authority << 8) | data[i];
        }

        output.Write("S-"u8);
        AppendNumber(output, data[0]);
        output.Write((byte)'-');
        AppendNumber(output, authority);
        for (var i = 0; i < data[1]; i++)
        {
            output.Write((byte)'-');
            AppendNumber(output, BinaryPrimitives.ReadUInt32LittleEndian(data[(8 + (i * 4))..]));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendHex(Utf8Buffer output, ReadOnlySpan<byte> data)
    {
        Convert.TryToHexString(data, output.GetSpan(data.Length * 2), out var written);
        output.Advance(written);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AppendAnsi(Utf8Buffer output, ReadOnlySpan<byte> data, bool xmlEscape)
    {
        var end = data.IndexOf((byte)0);
        data = end < 0 ? data : data[..end];
        Span<char> buffer = stackalloc char[256];
        while (!data.IsEmpty)
        {
            var part = data[..Math.Min(data.Length, buffer.Length)];
            var written = Encoding.Latin1.GetChars(part, buffer);
            AppendText(output, buffer[..written], xmlEscape);
            data = data[part.Length..];
        }
    }

    /// <summary>Appends UTF-16 text as UTF-8, escaping &amp; &lt; &gt; and &quot; when <paramref name="xmlEscape"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendText(Utf8Buffer output, ReadOnlySpan<char> text, bool xmlEscape)
    {
        while (!text.IsEmpty)
        {
            var special = xmlEscape ? text.IndexOfAny(s_xmlSpecial) : -1;
            var run = special < 0 ? text : text[..special];
            if (!run.IsEmpty)
            {
                Utf8.FromUtf16(run, output.GetSpan(run.Length * 3), out _, out var written, replaceInvalidSequences: true);
                output.Advance(written);
            }

            if (special < 0)
            {
                return;
            }

            output.Write(text[special] switch { '&' => "&amp;"u8, '<' => "&lt;"u8, '>' => "&gt;"u8, _ => "&quot;"u8 });
            text = text[(special + 1)..];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AppendArray(Utf8Buffer output, byte type, ReadOnlySpan<byte> data, bool xmlEscape)
    {
        if (type == BinXmlValueType.String)
        {
            var chars = MemoryMarshal.Cast<byte, char>(data[..(data.Length & ~1)]).TrimEnd('\0');
            var first = true;
            foreach (var range in chars.Split('\0'))
            {
                if (!first)
                {
                    output.Write(", "u8);
                }

                AppendText(output, chars[range], xmlEscape);
                first = false;
            }

            return;
        }

        var size = BinXmlValueType.FixedSize(type);
        if (size == 0)
        {
            AppendHex(output, data);
            return;
        }

        for (var i = 0; i + size <= data.Length; i += size)
        {
            if (i != 0)
            {
                output.Write(", "u8);
            }

            AppendFixed(output, type, data.Slice(i, size));
        }
    }
}
