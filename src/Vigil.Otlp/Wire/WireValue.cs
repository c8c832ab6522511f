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
    public static WireValue Read(byte[] body, ProtoSlice slice)
    {
        var kind = AnyValue.ValueOneofCase.None;
        ProtoSlice text = default;
        long integer = 0;
        var reader = new ProtoReader(body, slice);
        while (reader.Next(out var tag))
        {
            switch (tag)
            {
                case var t when t == ProtoReader.Tag(1, ProtoReader.Delimited):
                    kind = AnyValue.ValueOneofCase.StringValue;
                    text = reader.ReadSlice();
                    break;
                case var t when t == ProtoReader.Tag(3, ProtoReader.Varint):
                    kind = AnyValue.ValueOneofCase.IntValue;
                    integer = (long)reader.ReadVarint();
                    break;
                case var t when t == ProtoReader.Tag(2, ProtoReader.Varint):
                    kind = AnyValue.ValueOneofCase.BoolValue;
                    reader.Skip(tag);
                    break;
                case var t when t == ProtoReader.Tag(4, ProtoReader.Fixed64):
                    kind = AnyValue.ValueOneofCase.DoubleValue;
                    reader.Skip(tag);
                    break;
                case var t when t == ProtoReader.Tag(5, ProtoReader.Delimited):
                    kind = AnyValue.ValueOneofCase.ArrayValue;
                    reader.Skip(tag);
                    break;
                case var t when t == ProtoReader.Tag(6, ProtoReader.Delimited):
                    kind = AnyValue.ValueOneofCase.KvlistValue;
                    reader.Skip(tag);
                    break;
                case var t when t == ProtoReader.Tag(7, ProtoReader.Delimited):
                    kind = AnyValue.ValueOneofCase.BytesValue;
                    reader.Skip(tag);
                    break;
                default:
                    reader.Skip(tag);
                    break;
            }
        }

        return new WireValue(kind, slice, text, integer);
    }

    /// <summary>The value as a message, for the kinds only <see cref="AnyValueText"/> and <see cref="WindowsEventBody"/> read.</summary>
    public AnyValue Parse(byte[] body) => AnyValue.Parser.ParseFrom(body, Whole.Start, Whole.Length);
}
