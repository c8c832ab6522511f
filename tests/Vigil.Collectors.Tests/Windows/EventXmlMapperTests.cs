using Vigil.Collectors.Windows;
using Vigil.Collectors.Tests.Support;
using Vigil.Core.Events;

namespace Vigil.Collectors.Tests.Windows;

/// <summary>Records exported from /work/shared/data/evtx/system.evtx with <c>evtxexport -f xml</c>, the XML EventRecord.ToXml() gives.</summary>
public sealed class EventXmlMapperTests
{
    [Fact]
    public void AnErrorRecordGivesItsSystemFieldsAndNamedDataAsMessage()
    {
        var e = EventXmlMapper.Map(File.ReadAllText(TestData.Resource("EventXml/system-level2.xml")), null);

        Assert.Equal(new DateTime(2017, 7, 12, 17, 16, 28, 214, DateTimeKind.Utc).AddTicks(1616), e.TimeCreated);
        Assert.Equal(DateTimeKind.Utc, e.TimeCreated.Kind);
        Assert.Equal((LevelMapping.Error, 7000L, "Service Control Manager"), (e.Level, e.EventId, e.Provider));
        Assert.Equal(("System", "WIN-P4SIAA0SQCO", "WIN-P4SIAA0SQCO/System/35/2017-07-12T17:16:28.214Z"), (e.Channel, e.Computer, e.RecordKey));
        Assert.Equal("param1=CldFlt; param2=%%50", e.Message);
        Assert.Equal(Severity.Error, e.Severity);
    }

    [Theory]
    [InlineData("system-level3.xml", LevelMapping.Warning)]
    [InlineData("system-level4.xml", LevelMapping.Information)]
    public void TheLevelElementIsTheWindowsLevel(string file, int level)
    {
        var e = EventXmlMapper.Map(File.ReadAllText(TestData.Resource("EventXml/" + file)), null);

        Assert.Equal(level, e.Level);
    }

    [Fact]
    public void ARenderedMessageWinsOverTheEventData()
    {
        var e = EventXmlMapper.Map(File.ReadAllText(TestData.Resource("EventXml/system-level2.xml")), "The CldFlt service failed to start.");

        Assert.Equal("The CldFlt service failed to start.", e.Message);
    }

    [Fact]
    public void TheSameRecordIdAtAnotherTimeIsAnotherRecord()
    {
        var xml = File.ReadAllText(TestData.Resource("EventXml/system-level2.xml"));
        var afterRevert = xml.Replace("2017-07-12T17:16:28.214161600Z", "2017-07-19T09:02:11.500000000Z", StringComparison.Ordinal);

        var first = EventXmlMapper.Map(xml, null);
        var reread = EventXmlMapper.Map(xml, null);
        var reused = EventXmlMapper.Map(afterRevert, null);

        Assert.NotEqual(xml, afterRevert);
        Assert.Equal(first.RecordKey, reread.RecordKey);
        Assert.NotEqual(first.RecordKey, reused.RecordKey);
    }

    [Fact]
    public void XmlWithoutARecordIdIsAFormatError()
    {
        const string xml = """<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><TimeCreated SystemTime="2017-07-12T17:16:28Z"/></System></Event>""";

        Assert.Throws<FormatException>(() => EventXmlMapper.Map(xml, null));
    }

    [Fact]
    public async Task OnLinuxTheChannelSourceIsAOneLineError()
    {
        var source = (ILiveLogSource)SourceFactory.Create("eventlog:System");

        var error = await Assert.ThrowsAsync<SourceException>(async () =>
        {
            await foreach (var batch in source.FollowAsync(null, SourceReadOptions.Everything, CancellationToken.None))
            {
                Assert.Fail("no batch expected off Windows, got " + batch.Events.Count);
            }
        });

        Assert.Equal(OperatingSystem.IsWindows(), !error.Message.Contains("only be read live on Windows", StringComparison.Ordinal));
        Assert.DoesNotContain('\n', error.Message);
    }
}
