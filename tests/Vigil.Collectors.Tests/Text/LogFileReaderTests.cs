using System.Text;
using Vigil.Collectors.Text;
using Vigil.Collectors.Text.Parsing;
using Vigil.Core.Events;

namespace Vigil.Collectors.Tests.Text;

public sealed class LogFileReaderTests
{
    private static readonly LineContext Utc2024 = new(new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc), TimeZoneInfo.Utc);

    [Fact]
    public void ARecordAllocatesItsMessageButNotItsLineAsWell()
    {
        // Given 20,000 syslog lines whose messages are 300 characters
        var message = new string('x', 300);
        var lines = Enumerable.Range(0, 20_000).Select(i => $"Feb 14 15:16:{i % 60:D2} host{i % 3} prog{i % 5}[{i}]: {message}");
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        var reader = new LogFileReader(Utc2024, "syslog", "f1", "syslog", new SkippedLines());

        // When they are read (records dropped as they come, as the store drops them once written)
        var before = GC.GetAllocatedBytesForCurrentThread();
        var records = 0;
        foreach (var record in reader.Read(new MemoryStream(bytes), 0, 0, takeUnterminated: true))
        {
            records += record.Event.Message!.Length == message.Length ? 1 : 0;
        }

        var perRecord = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)records;

        // Then each record costs its message string, its key and the event, not a decoded copy of its whole line too
        // (that alone is another ~700 bytes here); host and program names are shared, not allocated per line
        Assert.Equal(20_000, records);
        var messageString = 22 + (2 * message.Length);
        Assert.True(perRecord < 1.6 * messageString, $"{perRecord:0} bytes allocated per record, message string {messageString}");
    }

    [Fact]
    public void RecordsOfTheSameHostAndProgramShareOneStringEvenWhenOthersComeBetween()
    {
        var text = "Feb 14 15:16:01 web01 sshd[1]: a\nFeb 14 15:16:02 db01 cron[2]: b\nFeb 14 15:16:03 web01 sshd[3]: c\n";
        var reader = new LogFileReader(Utc2024, "syslog", "f1", "syslog", new SkippedLines());

        var events = reader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), 0, 0, takeUnterminated: true).Select(r => r.Event).ToList();

        Assert.Equal(["web01", "db01", "web01"], events.Select(e => e.Computer));
        Assert.Equal(["sshd", "cron", "sshd"], events.Select(e => e.Provider));
        Assert.Same(events[0].Computer, events[2].Computer);
        Assert.Same(events[0].Provider, events[2].Provider);
    }

    [Fact]
    public void AnRfc5424LineWithFewerFieldsThanTheHeaderHasIsARecordNotACrash()
    {
        var ok = LogLineParser.TryParse("<34>1 2024-01-02T03:04:05Z web01", Utc2024, out var parsed, out _);

        Assert.True(ok);
        Assert.Equal("web01", parsed.Host);
        Assert.Null(parsed.Provider);
        Assert.Equal(string.Empty, parsed.Message);
    }
}
