using Google.Protobuf;
using OpenTelemetry.Proto.Collector.Logs.V1;
using Vigil.Core.Events;

namespace Vigil.Otlp.Tests;

public sealed class OtlpLogEncoderTests
{
    [Theory]
    [InlineData(LevelMapping.LogAlways)]
    [InlineData(LevelMapping.Critical)]
    [InlineData(LevelMapping.Warning)]
    [InlineData(LevelMapping.Verbose)]
    public void AnEventSentByTheAgentIsStoredExactlyAsItWasRead(int level)
    {
        var e = new LogEvent(new DateTime(2026, 3, 2, 10, 15, 30, DateTimeKind.Utc).AddTicks(1234567), level, 4625, "Microsoft-Windows-Security-Auditing", "Security", "DC01", "An account failed to log on.", "DC01/Security/77/2026-03-02T10:15:30.123Z");
        var request = new ExportLogsServiceRequest();
        request.ResourceLogs.Add(OtlpLogEncoder.ToResourceLogs("dc01", "eventlog:Security", [e]));

        var wire = ExportLogsServiceRequest.Parser.ParseFrom(request.ToByteArray());
        var record = Assert.Single(OtlpLogMapper.Map(wire).Accepted);

        Assert.Equal("host:dc01/eventlog:Security", record.StoredSource);
        Assert.Equal(e, record.Event);
    }

    [Fact]
    public void AnEventWithoutAMessageStaysWithoutOne()
    {
        var e = new LogEvent(new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc), LevelMapping.Error, 7, "p", "c", "h", null, "k");
        var request = new ExportLogsServiceRequest();
        request.ResourceLogs.Add(OtlpLogEncoder.ToResourceLogs("h", "journald", [e]));

        Assert.Null(Assert.Single(OtlpLogMapper.Map(request).Accepted).Event.Message);
    }
}
