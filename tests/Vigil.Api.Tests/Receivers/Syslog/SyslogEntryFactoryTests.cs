using System.Net;
using Vigil.Api.Receivers.Syslog;
using Vigil.Core.Events;

namespace Vigil.Api.Tests.Receivers.Syslog;

public sealed class SyslogEntryFactoryTests
{
    private static readonly DateTime Received = new(2026, 3, 2, 10, 20, 0, DateTimeKind.Utc);

    [Fact]
    public void AnRfc5424MessageIsStoredUnderItsHostname()
    {
        var entry = SyslogEntryFactory.Create("<11>1 2026-03-02T10:15:30.250Z Web01.example.org sshd 812 - - Failed password for root", IPAddress.Parse("10.0.0.9"), Received, TimeZoneInfo.Utc);

        Assert.Equal("host:web01.example.org/syslog", entry.StoredSource);
        Assert.Equal(new DateTime(2026, 3, 2, 10, 15, 30, 250, DateTimeKind.Utc), entry.Event.TimeCreated);
        Assert.Equal(LevelMapping.Error, entry.Event.Level);
        Assert.Equal("sshd", entry.Event.Provider);
        Assert.Equal("Failed password for root", entry.Event.Message);
    }

    [Fact]
    public void AnRfc3164MessageIsReadInTheGivenZoneAndPlacedBeforeItsArrival()
    {
        var entry = SyslogEntryFactory.Create("<30>Mar  2 11:15:30 db01 cron[77]: job done", IPAddress.Loopback, Received, TimeZoneInfo.CreateCustomTimeZone("plus1", TimeSpan.FromHours(1), "plus1", "plus1"));

        Assert.Equal("host:db01/syslog", entry.StoredSource);
        Assert.Equal(new DateTime(2026, 3, 2, 10, 15, 30, DateTimeKind.Utc), entry.Event.TimeCreated);
        Assert.Equal("cron", entry.Event.Provider);
        Assert.Equal("job done", entry.Event.Message);
    }

    [Fact]
    public void RsyslogsPreciseForwardFormatIsRead()
    {
        var entry = SyslogEntryFactory.Create("<12>2026-03-02T11:15:30.123456+01:00 web01 app: quota low", IPAddress.Loopback, Received, TimeZoneInfo.Utc);

        Assert.Equal("host:web01/syslog", entry.StoredSource);
        Assert.Equal(new DateTime(2026, 3, 2, 10, 15, 30, 123, DateTimeKind.Utc).AddTicks(4560), entry.Event.TimeCreated);
        Assert.Equal(LevelMapping.Warning, entry.Event.Level);
        Assert.Equal("app", entry.Event.Provider);
        Assert.Equal("quota low", entry.Event.Message);
    }

    [Theory]
    [InlineData("10.1.2.3", "host:10.1.2.3/syslog")]
    [InlineData("fe80::1", "host:fe80--1/syslog")]
    [InlineData("::ffff:192.168.1.5", "host:192.168.1.5/syslog")]
    public void AMessageWithoutAReadableHostnameIsStoredUnderTheSendersAddress(string peer, string stored)
    {
        var entry = SyslogEntryFactory.Create("just some text \u0001 that is not syslog", IPAddress.Parse(peer), Received, TimeZoneInfo.Utc);

        Assert.Equal(stored, entry.StoredSource);
        Assert.Equal(Received, entry.Event.TimeCreated);
        Assert.Equal("just some text \u0001 that is not syslog", entry.Event.Message);
    }

    [Fact]
    public void TheSameLineFromTheSameHostHasTheSameKeyAndFromAnotherHostAnother()
    {
        const string Line = "<13>1 2026-03-02T10:15:30Z - app - - - hello";
        var a = SyslogEntryFactory.Create(Line, IPAddress.Parse("10.0.0.1"), Received, TimeZoneInfo.Utc);
        var again = SyslogEntryFactory.Create(Line, IPAddress.Parse("10.0.0.1"), Received.AddMinutes(1), TimeZoneInfo.Utc);
        var other = SyslogEntryFactory.Create(Line, IPAddress.Parse("10.0.0.2"), Received, TimeZoneInfo.Utc);

        Assert.Equal(a.Event.RecordKey, again.Event.RecordKey);
        Assert.NotEqual(a.Event.RecordKey, other.Event.RecordKey);
    }
}
