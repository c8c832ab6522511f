using System.Buffers;
using System.Runtime.CompilerServices;
using Vigil.Collectors.Evtx.BinXml;

namespace Vigil.Collectors.Evtx.Output;

/// <summary>
/// Quotes and escapes an all-ASCII value exactly as <see cref="System.Text.Json.Utf8JsonWriter"/> does with
/// <see cref="EvtxJsonRecordWriter.Encoder"/> (pinned byte for byte by a test over every ASCII character). Most event
/// values are ASCII and many hold a backslash or a tab (paths, command lines); the writer's general encoder escapes
/// those a character at a time, which made JSON output cost more than XML.
/// </summary>
internal static class JsonAsciiString
{
    private static readonly SearchValues<byte> s_escaped = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
         (byte)'"', (byte)'\\', 0x7f]);

    /// <summary>Writes <paramref name="value"/> as a JSON string; the caller has checked that it is all ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(Utf8Buffer output, ReadOnlySpan<byte> value)
    {
        output.Write((byte)'"');
        while (true)
        {
            var special = value.IndexOfAny(s_escaped);
            if (special < 0)
            {
                output.Write(value);
                break;
            }

            output.Write(value[..special]);
            WriteEscaped(output, value[special]);
            value = value[(special + 1)..];
        }

        output.Write((byte)'"');
    }

    private static void WriteEscaped(Utf8Buffer output, byte c)
    {
        switch (c)
        {
            case (byte)'"': output.Write("\\\""u8); break;
            case (byte)'\\': output.Write("\\\\"u8); break;
            case (byte)'\n': output.Write("\\n"u8); break;
            case (byte)'\r': output.Write("\\r"u8); break;
            case (byte)'\t': output.Write("\\t"u8); break;
            case (byte)'\b': output.Write("\\b"u8); break;
            case (byte)'\f': output.Write("\\f"u8); break;
            default:
                output.Write("\\u00"u8);
                output.Write((byte)"0123456789ABCDEF"[c >> 4]);
                output.Write((byte)"0123456789ABCDEF"[c & 0xf]);
                break;
        }
    }
}
