using OpenTelemetry.Proto.Logs.V1;

namespace Vigil.Otlp.Wire;

/// <summary>
/// The fields of one OTLP <c>LogRecord</c> that the mapping reads, taken from the body (scalars last-wins, as protobuf
/// parses them); reused record after record. The record's own slice is kept for the rare reader that needs the whole
/// message (<see cref="Parse"/>: the fingerprint of a record without identity, a body sent in pieces).
/// </summary>
internal sealed class WireLogRecord
{
    private readonly byte[] _body;
    private int _bodies;

    public WireLogRecord(byte[] body)
    {
        _body = body;
        Attributes = new WireAttributes(body);
    }

    public ProtoSlice Whole { get; private set; }

    public ulong TimeUnixNano { get; private set; }

    public ulong ObservedTimeUnixNano { get; private set; }

    public int SeverityNumber { get; private set; }

    public ProtoSlice SeverityText { get; private set; }

    /// <summary>The body (an <c>AnyValue</c>), or null when the record has none.</summary>
    public WireValue? Body { get; private set; }

    public WireAttributes Attributes { get; }

    public void Read(ProtoSlice record)
    {
        Whole = record;
        TimeUnixNano = ObservedTimeUnixNano = 0;
        SeverityNumber = 0;
        SeverityText = default;
        Body = null;
        _bodies = 0;
        Attributes.Clear();
        ProtoSlice body = default;
        var reader = new ProtoReader(_body, record);
        while (reader.Next(out var tag))
        {
            switch (tag)
            {
                case var t when t == ProtoReader.Tag(1, ProtoReader.Fixed64):
                    TimeUnixNano = reader.ReadFixed64();
                    break;
                case var t when t == ProtoReader.Tag(11, ProtoReader.Fixed64):
                    ObservedTimeUnixNano = reader.ReadFixed64();
                    break;
                case var t when t == ProtoReader.Tag(2, ProtoReader.Varint):
                    SeverityNumber = (int)reader.ReadVarint();
                    break;
                case var t when t == ProtoReader.Tag(3, ProtoReader.Delimited):
                    SeverityText = reader.ReadSlice();
                    break;
                case var t when t == ProtoReader.Tag(5, ProtoReader.Delimited):
                    body = reader.ReadSlice();
                    _bodies++;
                    break;
                case var t when t == ProtoReader.Tag(6, ProtoReader.Delimited):
                    Attributes.Add(reader.ReadSlice());
                    break;
                default:
                    reader.Skip(tag);
                    break;
            }
        }

        if (_bodies > 0)
        {
            Body = WireValue.Read(_body, body);
        }
    }

    /// <summary>True when the body came in more than one piece (protobuf merges them; only the parsed message does).</summary>
    public bool BodyInPieces => _bodies > 1;

    /// <summary>The body as a message; a body sent in several pieces is merged as protobuf merges them.</summary>
    public OpenTelemetry.Proto.Common.V1.AnyValue ParseBody() =>
        _bodies > 1 ? Parse().Body : Body!.Value.Parse(_body);

    public LogRecord Parse() => LogRecord.Parser.ParseFrom(_body, Whole.Start, Whole.Length);
}
