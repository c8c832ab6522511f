using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Vigil.Collectors.Evtx.BinXml;

/// <summary>
/// Renders typed values the way Windows' event viewer XML (and libevtx) shows them: decimal integers, 0x-padded hex
/// integers, uppercase GUIDs and binary, ISO 8601 times with 100 ns digits. Never throws on odd bytes.
/// </summary>
internal static class BinXmlValueFormatter
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Append(StringBuilder sb, byte type, ReadOnlySpan<byte> data, bool xmlEscape)
    {
        if ((type & BinXmlValueType.ArrayFlag) != 0)
        {
            AppendArray(sb, (byte)(type & ~BinXmlValueType.ArrayFlag), data, xmlEscape);
            return;
        }

        var inv = CultureInfo.InvariantCulture;
        switch (type)
        {
            case BinXmlValueType.Null:
                return;
            case BinXmlValueType.String:
            case BinXmlValueType.EvtXml:
                AppendText(sb, MemoryMarshal.Cast<byte, char>(data[..(data.Length & ~1)]).TrimEnd('\0'), xmlEscape);
                return;
            case BinXmlValueType.AnsiString:
                AppendAnsi(sb, data, xmlEscape);
                return;
            case BinXmlValueType.Binary:
                AppendHex(sb, data);
                return;
            case BinXmlValueType.Sid:
                AppendSid(sb, data);
                return;
            case BinXmlValueType.SizeT:
            case BinXmlValueType.EvtHandle:
                // Both reference parsers show pointer-sized values in decimal, whatever their width.
                if (data.Length == 4)
                {
                    sb.Append(BinaryPrimitives.ReadUInt32LittleEndian(data));
                    return;
                }

                if (data.Length == 8)
                {
                    sb.Append(BinaryPrimitives.ReadUInt64LittleEndian(data));
                    return;
                }

                AppendHex(sb, data);
                return;
        }

        var size = BinXmlValueType.FixedSize(type);
        if (size == 0 || data.Length < size)
        {
            // Unknown type or short value: show the bytes rather than guess.
            AppendHex(sb, data);
            return;
        }

        AppendFixed(sb, type, data);
    }

    /// <summary>Appends one value of a fixed-size type; <paramref name="data"/> holds at least its size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AppendFixed(StringBuilder sb, byte type, ReadOnlySpan<byte> data)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (type)
        {
            case BinXmlValueType.Int8: sb.Append((sbyte)data[0]); break;
            case BinXmlValueType.UInt8: sb.Append(data[0]); break;
            case BinXmlValueType.Int16: sb.Append(BinaryPrimitives.ReadInt16LittleEndian(data)); break;
            case BinXmlValueType.UInt16: sb.Append(BinaryPrimitives.ReadUInt16LittleEndian(data)); break;
            case BinXmlValueType.Int32: sb.Append(BinaryPrimitives.ReadInt32LittleEndian(data)); break;
            case BinXmlValueType.UInt32: sb.Append(BinaryPrimitives.ReadUInt32LittleEndian(data)); break;
            case BinXmlValueType.Int64: sb.Append(BinaryPrimitives.ReadInt64LittleEndian(data)); break;
            case BinXmlValueType.UInt64: sb.Append(BinaryPrimitives.ReadUInt64LittleEndian(data)); break;
            case BinXmlValueType.Real32: sb.Append(inv, $"{BinaryPrimitives.ReadSingleLittleEndian(data):R}"); break;
            case BinXmlValueType.Real64: sb.Append(inv, $"{BinaryPrimitives.ReadDoubleLittleEndian(data):R}"); break;
            case BinXmlValueType.Bool: sb.Append(BinaryPrimitives.ReadUInt32LittleEndian(data) != 0 ? "true" : "false"); break;
            case BinXmlValueType.HexInt32: sb.Append(inv, $"0x{BinaryPrimitives.ReadUInt32LittleEndian(data):x8}"); break;
            case BinXmlValueType.HexInt64: sb.Append(inv, $"0x{BinaryPrimitives.ReadUInt64LittleEndian(data):x16}"); break;
            case BinXmlValueType.Guid: AppendGuid(sb, data); break;
            case BinXmlValueType.FileTime: AppendFileTime(sb, BinaryPrimitives.ReadInt64LittleEndian(data)); break;
            case BinXmlValueType.SystemTime: AppendSystemTime(sb, data); break;
        }
    }

    public static void AppendFileTime(StringBuilder sb, long fileTime)
    {
        if (fileTime is < 0 or > EvtxTime.MaxFileTime)
        {
            sb.Append(CultureInfo.InvariantCulture, $"0x{fileTime:x16}");
            return;
        }

        Span<char> buffer = stackalloc char[32];
        DateTime.FromFileTimeUtc(fileTime).TryFormat(buffer, out var written, "yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
        sb.Append(buffer[..written]).Append("00Z");
    }

    private static void AppendSystemTime(StringBuilder sb, ReadOnlySpan<byte> data)
    {
        var v = MemoryMarshal.Cast<byte, ushort>(data[..16]);
        sb.Append(CultureInfo.InvariantCulture, $"{v[0]:D4}-{v[1]:D2}-{v[3]:D2}T{v[4]:D2}:{v[5]:D2}:{v[6]:D2}.{v[7]:D3}Z");
    }

    private static void AppendGuid(StringBuilder sb, ReadOnlySpan<byte> data)
    {
        Span<char> buffer = stackalloc char[38];
        new Guid(data[..16]).TryFormat(buffer, out _, "B");
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = char.ToUpperInvariant(buffer[i]);
        }

        sb.Append(buffer);
    }

    private static void AppendSid(StringBuilder sb, ReadOnlySpan<byte> data)
    {
        if (data.Length < 8 || data.Length < 8 + (data[1] * 4))
        {
            AppendHex(sb, data);
            return;
        }

        ulong authority = 0;
        for (var i = 2; i < 8; i++)
        {
            authority = (authority << 8) | data[i];
        }

        sb.Append("S-").Append(data[0]).Append('-').Append(authority);
        for (var i = 0; i < data[1]; i++)
        {
            sb.Append('-').Append(BinaryPrimitives.ReadUInt32LittleEndian(data[(8 + (i * 4))..]));
        }
    }

    public static void AppendHex(StringBuilder sb, ReadOnlySpan<byte> data)
    {
        Span<char> buffer = stackalloc char[256];
        while (!data.IsEmpty)
        {
            var part = data[..Math.Min(data.Length, 128)];
            Convert.TryToHexString(part, buffer, out var written);
            sb.Append(buffer[..written]);
            data = data[part.Length..];
        }
    }

    private static void AppendAnsi(StringBuilder sb, ReadOnlySpan<byte> data, bool xmlEscape)
    {
        var end = data.IndexOf((byte)0);
        data = end < 0 ? data : data[..end];
        Span<char> buffer = stackalloc char[256];
        while (!data.IsEmpty)
        {
            var part = data[..Math.Min(data.Length, buffer.Length)];
            var written = Encoding.Latin1.GetChars(part, buffer);
            AppendText(sb, buffer[..written], xmlEscape);
            data = data[part.Length..];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendText(StringBuilder sb, ReadOnlySpan<char> text, bool xmlEscape)
    {
        if (!xmlEscape)
        {
            sb.Append(text);
            return;
        }

        while (!text.IsEmpty)
        {
            var special = text.IndexOfAny("&<>\"");
            if (special < 0)
            {
                sb.Append(text);
                return;
            }

            sb.Append(text[..special]);
            sb.Append(text[special] switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => "&quot;" });
            text = text[(special + 1)..];
        }
    }

    private static void AppendArray(StringBuilder sb, byte type, ReadOnlySpan<byte> data, bool xmlEscape)
    {
        if (type == BinXmlValueType.String)
        {
            var chars = MemoryMarshal.Cast<byte, char>(data[..(data.Length & ~1)]).TrimEnd('\0');
            var first = true;
            foreach (var range in chars.Split('\0'))
            {
                sb.Append(first ? "" : ", ");
                AppendText(sb, chars[range], xmlEscape);
                first = false;
            }

            return;
        }

        var size = BinXmlValueType.FixedSize(type);
        if (size == 0)
        {
            AppendHex(sb, data);
            return;
        }

        for (var i = 0; i + size <= data.Length; i += size)
        {
            sb.Append(i == 0 ? "" : ", ");
            AppendFixed(sb, type, data.Slice(i, size));
        }
    }
}
