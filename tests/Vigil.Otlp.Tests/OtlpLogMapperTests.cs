using OpenTelemetry.Proto.Common.V1;
using Vigil.Core.Events;
using Vigil.Otlp.Tests.Support;
using static Vigil.Otlp.Tests.Support.Otlp;

namespace Vigil.Otlp.Tests;

public sealed class OtlpLogMapperTests
{
    [Fact]
    public void ARecordIsStoredUnderItsResourceHostWithItsTimeLevelAndMessage()
    {
        var batch = OtlpLogMapper.Map(Request("WEB01.example.org", Record("disk full", severity: 17)));

        var record = Assert.Single(batch.Accepted);
        Assert.Equal("web01.example.org", record.Host);
        Assert.Equal("host:web01.example.org/otlp", record.StoredSource);
        Assert.Equal(Time, record.Event.TimeCreated);
        Assert.Equal(LevelMapping.Error, record.Event.Level);
        Assert.Equal("disk full", record.Event.Message);
        Assert.Equal("web01.example.org", record.Event.Computer);
        Assert.Equal("Tests.Category", record.Event.Provider);
        Assert.Equal(0, batch.Rejected);
    }

    [Fact]
    public void WithoutTimeUnixNanoTheObservedTimeIsUsed()
    {
        var r = Record("x");
        r.TimeUnixNano = 0;
        r.ObservedTimeUnixNano = Nanos(Time.AddMinutes(3));

        var record = Assert.Single(OtlpLogMapper.Map(Request("web01", r)).Accepted);

        Assert.Equal(Time.AddMinutes(3), record.Event.TimeCreated);
    }

    [Fact]
    public void ARecordWithoutAHostIsRefusedAndNamedInTheRejection()
    {
        var request = Request(null, Record("a"), Record("b"));
        request.ResourceLogs.Add(Request("web02", Record("c")).ResourceLogs);

        var batch = OtlpLogMapper.Map(request);

        Assert.Equal(2, batch.Rejected);
        Assert.Contains("host.name", batch.FirstRejection, StringComparison.Ordinal);
        Assert.Equal("c", Assert.Single(batch.Accepted).Event.Message);
    }

    [Theory]
    [InlineData("web 01")]
    [InlineData("-web")]
    [InlineData("<script>")]
    public void AnInvalidHostNameIsRefusedNotGuessed(string host)
    {
        var batch = OtlpLogMapper.Map(Request(host, Record("a")));

        Assert.Empty(batch.Accepted);
        Assert.Equal(1, batch.Rejected);
    }

    [Fact]
    public void ARecordWithNoTimeAtAllIsRefused()
    {
        var r = Record("x");
        r.TimeUnixNano = 0;

        var batch = OtlpLogMapper.Map(Request("web01", r));

        Assert.Empty(batch.Accepted);
        Assert.Contains("time_unix_nano", batch.FirstRejection, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAgentsSourceAttributeNamesTheStoredSource()
    {
        var batch = OtlpLogMapper.Map(Request("dc01", Record("x", attributes: Pair("vigil.source", "journald"))));

        Assert.Equal("host:dc01/journald", Assert.Single(batch.Accepted).StoredSource);
    }

    [Fact]
    public void ASourceAttributeWithControlCharactersIsRefused()
    {
        var batch = OtlpLogMapper.Map(Request("dc01", Record("x", attributes: Pair("vigil.source", "a\nb"))));

        Assert.Empty(batch.Accepted);
        Assert.Contains("vigil.source", batch.FirstRejection, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceNameThenLogFileNameStandInForAMissingProvider()
    {
        var request = Request("web01", Record("x", attributes: Pair("log.file.name", "app.log")));
        request.ResourceLogs[0].ScopeLogs[0].Scope = null;
        var fromFile = Assert.Single(OtlpLogMapper.Map(request).Accepted).Event;
        request.ResourceLogs[0].Resource.Attributes.Add(Pair("service.name", "checkout"));
        var fromService = Assert.Single(OtlpLogMapper.Map(request).Accepted).Event;

        Assert.Equal("app.log", fromFile.Provider);
        Assert.Equal("app.log", fromFile.Channel);
        Assert.Equal("checkout", fromService.Provider);
    }

    [Fact]
    public void AResentRequestMapsToTheSameRecordKeys()
    {
        var first = OtlpLogMapper.Map(Request("web01", Record("a"), Record("b", attributes: Pair("user", "x"))));
        var resent = OtlpLogMapper.Map(Request("web01", Record("a"), Record("b", attributes: Pair("user", "x"))));

        Assert.Equal(first.Accepted.Select(r => r.Event.RecordKey), resent.Accepted.Select(r => r.Event.RecordKey));
    }

    [Fact]
    public void RecordsThatDifferInOneAttributeOrOneTickGetDifferentKeys()
    {
        var batch = OtlpLogMapper.Map(Request(
            "web01",
            Record("a", attributes: Pair("user", "x")),
            Record("a", attributes: Pair("user", "y")),
            Record("a", time: Time.AddTicks(1), attributes: Pair("user", "x"))));

        Assert.Equal(3, batch.Accepted.Select(r => r.Event.RecordKey).Distinct().Count());
    }

    [Fact]
    public void IdenticalRecordsInOneRequestAreKeptApartByTheirOccurrence()
    {
        var batch = OtlpLogMapper.Map(Request("web01", Record("same"), Record("same"), Record("same")));
        var again = OtlpLogMapper.Map(Request("web01", Record("same"), Record("same"), Record("same")));

        var keys = batch.Accepted.Select(r => r.Event.RecordKey).ToList();
        Assert.Equal(3, keys.Distinct().Count());
        Assert.EndsWith("#3", keys[2], StringComparison.Ordinal);
        Assert.Equal(keys, again.Accepted.Select(r => r.Event.RecordKey));
    }

    [Fact]
    public void TheAgentsRecordKeyIsKeptAsIs()
    {
        var batch = OtlpLogMapper.Map(Request("web01", Record("a", attributes: Pair("vigil.record_key", "cursor=42"))));

        Assert.Equal("cursor=42", Assert.Single(batch.Accepted).Event.RecordKey);
    }

    [Fact]
    public void AStructuredBodyIsStoredAsCompactJson()
    {
        var r = Record("ignored");
        var list = new KeyValueList();
        list.Values.Add(Pair("path", "/x"));
        list.Values.Add(Pair("status", 500));
        r.Body = new AnyValue { KvlistValue = list };

        var record = Assert.Single(OtlpLogMapper.Map(Request("web01", r)).Accepted);

        Assert.Equal("{\"path\":\"/x\",\"status\":500}", record.Event.Message);
    }
}
