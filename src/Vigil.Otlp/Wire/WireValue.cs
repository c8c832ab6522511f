using OpenTelemetry.Proto.Common.V1;
using Vigil.Otlp.Mapping;

namespace Vigil.Otlp.Wire;

/// <summary>
/// An OTLP <c>AnyValue</c> as it lies in the body: which member of its oneof is set (the last one on the wire wins,
/// as protobuf merges) and, for a string or an integer, the value itself. Other kinds are parsed into
/// <see cref="AnyValue"/> on demand so that their rendering stays in one place (<see cref="AnyValueText"/>).
/// </summary>
internal readonly record struct WireValue(AnyValue.ValueOneofCase Case, ProtoSlice Whole, ProtoSlice Text, long Integer)
{
    /// <summary>The wire type of each member of the oneof, by field number (1 string … 7 bytes).</summary>
    private static readonly int[] WireTypes = [-1, ProtoReader.Delimited, ProtoReader.Varint, ProtoReader.Varint, ProtoReader.Fixed64, ProtoReader.Delimited, ProtoReader.Delimited, ProtoReader.Delimited];

    public static WireValue Read(byte[] body, ProtoSlice slice)
    {
        var kind = AnyValue.ValueOneofCase.None;
        ProtoSlice text = default;
        long integer = 0;
        var reader = new ProtoReader(body, slice);
        while (reader.Next(out var tag))
        {
            // The oneof's cases are numbered as its fields; a field of the wrong wire type is unknown to protobuf too.
            var field = (int)(tag >> 3);
            if (field >= 1 && field < WireTypes.Length && (int)(tag & 7) == WireTypes[field])
            {
                kind = (AnyValue.ValueOneofCase)field;
                if (kind == AnyValue.ValueOneofCase.StringValue)
                {
                    text = reader.ReadSlice();
                    continue;
                }

                if (kind == AnyValue.ValueOneofCase.IntValue)
                {
                    integer = (long)reader.ReadVarint();
                    continue;
                }
            }

            reader.Skip(tag);
        }

        return new WireValue(kind, slice, text, integer);
    }

    /// <summary>The value as a message, for the kinds only <see cref="AnyValueText"/> and <see cref="WindowsEventBody"/> read.</summary>
    public AnyValue Parse(byte[] body) => AnyValue.Parser.ParseFrom(body, Whole.Start, Whole.Length);
}
