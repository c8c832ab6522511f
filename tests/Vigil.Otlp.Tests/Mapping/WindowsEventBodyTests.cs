using OpenTelemetry.Proto.Common.V1;
using Vigil.Core.Events;
using Vigil.Otlp.Tests.Support;
using static Vigil.Otlp.Tests.Support.Otlp;

namespace Vigil.Otlp.Tests.Mapping;

public sealed class WindowsEventBodyTests
{
    /// <summary>The body the Collector's windowseventlog receiver writes for one Security event (raw: false).</summary>
    private static AnyValue CollectorBody(string computer = "DC01.corp.example")
    {
        var map = new KeyValueList();
        map.Values.Add(Pair("channel", "Security"));
        map.Values.Add(Pair("computer", computer));
        map.Values.Add(Pair("event_id", Pair("id", 4625), Pair("qualifiers", 0)));
        map.Values.Add(Pair("provider", Pair("name", "Microsoft-Windows-Security-Auditing"), Pair("guid", "{54849625-5478-4994-a5ba-3e3b0328c30d}"), Pair("event_source", "")));
        map.Values.Add(Pair("record_id", 987654));
        map.Values.Add(Pair("level", "Information"));
        map.Values.Add(Pair("message", "An account failed to log on."));
        map.Values.Add(Pair("system_time", "2026-03-02T10:15:30.0000000Z"));
        return new AnyValue { KvlistValue = map };
    }

    [Fact]
    public void TheCollectorsWindowsEventBodyFillsVigilsFields()
    {
        var r = Record("ignored", severity: 9);
        r.Body = CollectorBody();

        var record = Assert.Single(OtlpLogMapper.Map(Request("dc01", r)).Accepted);

        Assert.Equal("host:dc01/eventlog:Security", record.StoredSource);
        Assert.Equal(4625, record.Event.EventId);
        Assert.Equal("Microsoft-Windows-Security-Auditing", record.Event.Provider);
        Assert.Equal("Security", record.Event.Channel);
        Assert.Equal("DC01.corp.example", record.Event.Computer);
        Assert.Equal("An account failed to log on.", record.Event.Message);
        Assert.Equal(WindowsRecordKey.Create("DC01.corp.example", "Security", 987654UL, Time), record.Event.RecordKey);
        Assert.Equal(LevelMapping.Information, record.Event.Level);
    }

    [Fact]
    public void WithoutAHostNameTheEventsComputerNamesTheHost()
    {
        var r = Record("ignored");
        r.Body = CollectorBody();

        var record = Assert.Single(OtlpLogMapper.Map(Request(null, r)).Accepted);

        Assert.Equal("dc01.corp.example", record.Host);
    }

    [Fact]
    public void WithoutASeverityNumberTheBodysLevelDecides()
    {
        var r = Record("ignored", severity: 0);
        var body = CollectorBody();
        body.KvlistValue.Values.Single(p => p.Key == "level").Value = new AnyValue { StringValue = "Warning" };
        r.Body = body;

        var record = Assert.Single(OtlpLogMapper.Map(Request("dc01", r)).Accepted);

        Assert.Equal(LevelMapping.Warning, record.Event.Level);
    }

    [Fact]
    public void AMapBodyWithoutAChannelProviderAndEventIdIsNotAWindowsEvent()
    {
        var r = Record("ignored");
        var map = new KeyValueList();
        map.Values.Add(Pair("message", "hello"));
        map.Values.Add(Pair("channel", "Security"));
        r.Body = new AnyValue { KvlistValue = map };

        var record = Assert.Single(OtlpLogMapper.Map(Request("web01", r)).Accepted);

        Assert.Equal("host:web01/otlp", record.StoredSource);
        Assert.StartsWith("otlp:", record.Event.RecordKey, StringComparison.Ordinal);
    }
}
