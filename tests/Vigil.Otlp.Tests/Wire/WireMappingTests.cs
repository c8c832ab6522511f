using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Logs.V1;
using OpenTelemetry.Proto.Common.V1;
using OpenTelemetry.Proto.Logs.V1;
using OpenTelemetry.Proto.Resource.V1;
using static Vigil.Otlp.Tests.Support.Otlp;

namespace Vigil.Otlp.Tests.Wire;

/// <summary>
/// The mapper reads requests in their wire form; whatever a sender's encoder does that protobuf allows (unknown fields
/// at every level, a resource after its scopes or in pieces, a body sent twice) must map as Google.Protobuf's parse of
/// the same bytes does.
/// </summary>
public sealed class WireMappingTests
{
    [Fact]
    public void ARequestWithEveryWireQuirkMapsAsItsParsedFormDoes()
    {
        var body = QuirkyRequest();

        var fromWire = OtlpLogMapper.Map(body);
        var fromParsed = OtlpLogMapper.Map(ExportLogsServiceRequest.Parser.ParseFrom(body));

        Assert.Equal(fromParsed.Accepted, fromWire.Accepted);
        Assert.Equal(5, fromWire.Accepted.Count);
        Assert.All(fromWire.Accepted, r => Assert.Equal("host:web01/nginx", r.StoredSource));
        Assert.Equal(["first", "second of two pieces", "Windows said so", "7", "no identity"], fromWire.Accepted.Select(r => r.Event.Message));
        Assert.Equal(4625, fromWire.Accepted[2].Event.EventId);
        Assert.Equal(4625, fromWire.Accepted[3].Event.EventId);
        Assert.Equal("cursor=1", fromWire.Accepted[0].Event.RecordKey);
        Assert.StartsWith("otlp:", fromWire.Accepted[4].Event.RecordKey, StringComparison.Ordinal);
    }

    [Fact]
    public void AResourceLogsWithoutAResourceIsRefusedForWantOfAHost()
    {
        var logs = Field(2, Field(2, Record("x").ToByteArray()));

        var batch = OtlpLogMapper.Map(Field(1, logs));

        Assert.Empty(batch.Accepted);
        Assert.Equal(1, batch.Rejected);
        Assert.Contains("host.name", batch.FirstRejection, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeBodyArrivesWhole()
    {
        var message = new string('x', 3_000_000) + "é";
        var body = Request("web01", Record(message)).ToByteArray();

        Assert.Equal(message, Assert.Single(OtlpLogMapper.Map(body).Accepted).Event.Message);
    }

    [Fact]
    public void TheNamesAFleetRepeatsAreOneStringPerRequest()
    {
        var request = Request("web01", Record("a", attributes: Pair("vigil.provider", "sshd")), Record("b", attributes: Pair("vigil.provider", "sshd")));

        var accepted = OtlpLogMapper.Map(request.ToByteArray()).Accepted;

        Assert.Equal("sshd", accepted[0].Event.Provider);
        Assert.Same(accepted[0].Event.Provider, accepted[1].Event.Provider);
        Assert.Same(accepted[0].StoredSource, accepted[1].StoredSource);
    }

    [Fact]
    public void EveryTruncationIsAFormatErrorOrAShorterRequest()
    {
        var body = QuirkyRequest();
        var formatErrors = 0;
        for (var length = 0; length < body.Length; length++)
        {
            try
            {
                OtlpLogMapper.Map(body[..length]);
            }
            catch (Exception ex) when (ex is OtlpFormatException or InvalidProtocolBufferException)
            {
                formatErrors++;
            }
        }

        // Most cuts land inside a field; a cut between two top-level fields is a valid shorter request.
        Assert.True(formatErrors > body.Length / 2, $"{formatErrors} of {body.Length} truncations were refused");
    }

    /// <summary>One resource of web01 (in two pieces, after its scope) with five records written as encoders may.</summary>
    private static byte[] QuirkyRequest()
    {
        var windows = new AnyValue { KvlistValue = new KeyValueList() };
        windows.KvlistValue.Values.Add(Pair("channel", "Security"));
        windows.KvlistValue.Values.Add(Pair("provider", Pair("name", "Microsoft-Windows-Security-Auditing")));
        windows.KvlistValue.Values.Add(Pair("event_id", Pair("id", 4625)));
        windows.KvlistValue.Values.Add(Pair("message", "Windows said so"));
        var windowsRecord = new LogRecord { TimeUnixNano = Nanos(Time), Body = windows };
        windowsRecord.Attributes.Add(Pair("vigil.record_key", "cursor=3"));

        var records = new[]
        {
            Concat(Record("first", attributes: Pair("vigil.record_key", "cursor=1")).ToByteArray(), Unknowns()),
            Concat(Record("first piece", attributes: Pair("vigil.record_key", "cursor=2")).ToByteArray(), Field(5, new AnyValue { StringValue = "second of two pieces" }.ToByteArray())),
            windowsRecord.ToByteArray(),
            Record("7", attributes: [Pair("vigil.event_id", "4625"), Pair("vigil.record_key", "cursor=4")]).ToByteArray(),
            Concat(Unknowns(), Record("no identity", severity: 17).ToByteArray()),
        };
        var scope = Concat(Field(1, new InstrumentationScope { Name = "tests" }.ToByteArray()), Unknowns(), Concat([.. records.Select(r => Field(2, r))]));
        var firstPiece = new Resource();
        firstPiece.Attributes.Add(Pair("host.name", "WEB01"));
        var secondPiece = new Resource();
        secondPiece.Attributes.Add(Pair("vigil.source", "nginx"));
        var resourceLogs = Concat(Field(2, scope), Unknowns(), Field(1, Concat(firstPiece.ToByteArray(), Unknowns())), Field(1, secondPiece.ToByteArray()));
        return Concat(Unknowns(), Field(1, resourceLogs));
    }

    /// <summary>A field of every wire type the OTLP messages do not define (a later version's fields).</summary>
    private static byte[] Unknowns()
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        output.WriteTag(900, WireFormat.WireType.Varint);
        output.WriteUInt64(ulong.MaxValue);
        output.WriteTag(901, WireFormat.WireType.Fixed32);
        output.WriteFixed32(7);
        output.WriteTag(902, WireFormat.WireType.Fixed64);
        output.WriteFixed64(8);
        output.WriteTag(903, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFromUtf8("packed or not, skipped"));
        output.WriteTag(904, WireFormat.WireType.StartGroup);
        output.WriteTag(1, WireFormat.WireType.Varint);
        output.WriteUInt64(5);
        output.WriteTag(904, WireFormat.WireType.EndGroup);
        output.Flush();
        return buffer.ToArray();
    }

    private static byte[] Field(int number, byte[] payload)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        output.WriteTag(number, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(payload));
        output.Flush();
        return buffer.ToArray();
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
