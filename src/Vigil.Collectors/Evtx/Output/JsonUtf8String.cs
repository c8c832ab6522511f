using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Vigil.Collectors.Evtx.BinXml;

namespace Vigil.Collectors.Evtx.Output;

/// <summary>
/// Quotes and escapes valid UTF-8 text as a JSON string exactly as <see cref="System.Text.Json.Utf8JsonWriter"/> does
/// with <see cref="EvtxJsonRecordWriter.Encoder"/>: the writer itself hands the text to that encoder's
/// <c>EncodeUtf8</c>, so calling it directly gives its bytes without its per-call bookkeeping (pinned against the
/// writer by a test). All-ASCII text, most event values, takes the vectorised <see cref="JsonAsciiString"/> road.
/// </summary>
internal static class JsonUtf8String
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Write(Utf8Buffer output, ReadOnlySpan<byte> value)
    {
        if (Ascii.IsValid(value))
        {
            JsonAsciiString.Write(output, value);
            return;
        }

        output.Write((byte)'"');
        while (true)
        {
            // One escaped scalar takes at most 12 bytes (\uXXXX\uXXXX); ask for room for a good part of the rest.
            var status = EvtxJsonRecordWriter.Encoder.EncodeUtf8(value, output.GetSpan(Math.Min(value.Length, 4096) * 6 + 12), out var read, out var written, isFinalBlock: true);
            output.Advance(written);
            value = value[read..];
            if (status == OperationStatus.Done)
            {
                break;
            }

            if (status != OperationStatus.DestinationTooSmall)
            {
                // Values are made by a UTF-8 encoder that replaces what it cannot encode, so this is a bug, not input.
                throw new InvalidOperationException($"JSON encoding of a value stopped: {status}");
            }
        }

        output.Write((byte)'"');
    }

    /// <summary>The quoted, escaped JSON string of <paramref name="text"/>, for texts written over and over.</summary>
    public static byte[] Encode(string text)
    {
        var buffer = new Utf8Buffer(text.Length + 2);
        Write(buffer, Encoding.UTF8.GetBytes(text));
        return buffer.WrittenSpan.ToArray();
    }
}
