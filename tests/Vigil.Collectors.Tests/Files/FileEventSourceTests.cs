using System.Text;
using Vigil.Collectors;
using Vigil.Core.Events;

namespace Vigil.Collectors.Tests.Files;

public sealed class FileEventSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-file-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content, Encoding? encoding = null)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
        return path;
    }

    private static async Task<(List<LogEvent> Events, List<string> Warnings)> ReadAll(string path)
    {
        var warnings = new List<string>();
        var events = new List<LogEvent>();
        await foreach (var e in SourceFactory.Create("file:" + path).ReadAsync(SourceReadOptions.Everything with { Warn = warnings.Add }, CancellationToken.None))
        {
            events.Add(e);
        }

        return (events, warnings);
    }

    [Fact]
    public async Task VigilCsvColumnsAreReadWithTimesInUtc()
    {
        var path = Write("events.csv", """
            time_created,level,event_id,provider,channel,computer,message
            2026-02-16T14:05:00+02:00,Error,7034,Service Control Manager,System,SRV1,"The Print Spooler service terminated unexpectedly.  It has done this 1 time(s)."
            2026-02-16T12:10:00Z,4,7036,Service Control Manager,System,SRV1,"Quoted, with a comma and ""quotes""
            and a second line"
            """);

        var (events, warnings) = await ReadAll(path);

        Assert.Empty(warnings);
        Assert.Equal(2, events.Count);
        Assert.Equal(new DateTime(2026, 2, 16, 12, 5, 0, DateTimeKind.Utc), events[0].TimeCreated);
        Assert.Equal(DateTimeKind.Utc, events[0].TimeCreated.Kind);
        Assert.Equal((LevelMapping.Error, 7034L, "Service Control Manager", "System", "SRV1"), (events[0].Level, events[0].EventId, events[0].Provider, events[0].Channel, events[0].Computer));
        Assert.Equal(Severity.Info, events[1].Severity);
        Assert.Equal("Quoted, with a comma and \"quotes\"\nand a second line", events[1].Message);
    }

    [Fact]
    public async Task MalformedLinesAreCountedAndReportedWithTheFirstLineAndReasonAndNothingIsInvented()
    {
        var path = Write("bad.csv", """
            time_created,level,event_id,provider
            2026-02-16T14:05:00Z,Error,7034,SCM
            yesterday,Error,7034,SCM
            2026-02-16T14:06:00Z,Loud,7034,SCM
            2026-02-16T14:07:00Z,Warning,abc,SCM
            2026-02-16T14:08:00Z,Warning,153,disk
            """);

        var (events, warnings) = await ReadAll(path);

        Assert.Equal([7034L, 153L], events.Select(e => e.EventId));
        var warning = Assert.Single(warnings);
        Assert.Contains("3 lines skipped (first at line 3: time_created 'yesterday' is not a date and time)", warning);
    }

    [Fact]
    public async Task AFileWithoutATimeColumnFailsWithOneLineNamingTheColumns()
    {
        var path = Write("nohead.csv", "when,what\n1,2\n");

        var error = await Assert.ThrowsAsync<SourceException>(() => ReadAll(path));

        Assert.Contains("no time_created", error.Message);
        Assert.Contains("when, what", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task AMissingFileSaysSo()
    {
        var error = await Assert.ThrowsAsync<SourceException>(() => ReadAll(Path.Combine(_dir, "nope.csv")));

        Assert.Contains("no such file", error.Message);
    }

    [Fact]
    public async Task PowerShellExportCsvHeadersAreUnderstood()
    {
        // Get-WinEvent -LogName System | Select-Object TimeCreated,Id,LevelDisplayName,ProviderName,LogName,MachineName,Message | Export-Csv
        var path = Write("ps.csv", """
            #TYPE Selected.System.Diagnostics.Eventing.Reader.EventLogRecord
            "TimeCreated","Id","LevelDisplayName","ProviderName","LogName","MachineName","Message"
            "2026-02-16T14:05:00.0000000Z","7036","Information","Service Control Manager","System","SRV1.corp","The Windows Update service entered the running state."
            "2/16/2026 2:06:00 PM","10016","Warning","Microsoft-Windows-DistributedCOM","System","SRV1.corp","The application-specific permission settings..."
            "2026-02-16T14:07:00Z","41","Critical","Microsoft-Windows-Kernel-Power","System","SRV1.corp","The system has rebooted without cleanly shutting down first."
            """);

        var (events, warnings) = await ReadAll(path);

        Assert.Empty(warnings);
        Assert.Equal([7036L, 10016L, 41L], events.Select(e => e.EventId));
        Assert.Equal([Severity.Info, Severity.Warning, Severity.Error], events.Select(e => e.Severity));
        Assert.Equal(new DateTime(2026, 2, 16, 14, 6, 0, DateTimeKind.Utc), events[1].TimeCreated);
        Assert.All(events, e => Assert.Equal("SRV1.corp", e.Computer));
    }

    [Fact]
    public async Task PowerShellConvertToJsonArraysInUtf16WithDateObjectsAreUnderstood()
    {
        // Windows PowerShell 5.1: ConvertTo-Json writes /Date(ms)/ and redirection writes UTF-16 with a BOM.
        var path = Write("ps.json", """
            [
                {
                    "TimeCreated":  "\/Date(1771250700000)\/",
                    "Id":  7031,
                    "LevelDisplayName":  "Error",
                    "ProviderName":  "Service Control Manager",
                    "LogName":  "System",
                    "MachineName":  "SRV1",
                    "Message":  "The Print Spooler service terminated unexpectedly."
                },
                { "TimeCreated": "2026-02-16T14:06:00+00:00", "Id": 7036, "LevelDisplayName": "Information", "ProviderName": "Service Control Manager", "LogName": "System", "MachineName": "SRV1", "Message": null }
            ]
            """, Encoding.Unicode);

        var (events, warnings) = await ReadAll(path);

        Assert.Empty(warnings);
        Assert.Equal(2, events.Count);
        Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(1771250700000), events[0].TimeCreated);
        Assert.Equal((7031L, Severity.Error), (events[0].EventId, events[0].Severity));
        Assert.Null(events[1].Message);
    }

    [Fact]
    public async Task JsonLinesWithBadLinesKeepTheGoodOnes()
    {
        var path = Write("events.jsonl", """
            {"time_created":"2026-02-16T14:05:00Z","level":"Warning","event_id":153,"provider":"disk","channel":"System","computer":"SRV1"}
            {"time_created":"2026-02-16T14:05:01Z","level":"Warn
            ["not an object"]
            {"time_created":"2026-02-16T14:05:02Z","level":2,"event_id":7,"provider":"disk","channel":"System","computer":"SRV1"}
            """);

        var (events, warnings) = await ReadAll(path);

        Assert.Equal([153L, 7L], events.Select(e => e.EventId));
        Assert.Contains("2 lines skipped (first at line 2: not JSON", Assert.Single(warnings));
    }

    [Fact]
    public async Task ReadingTheSameFileTwiceGivesTheSameKeysAndRepeatedIdenticalEventsStayDistinct()
    {
        var line = "2026-02-16T14:05:00Z,Information,7036,SCM,System,SRV1,same\n";
        var path = Write("dupes.csv", "time_created,level,event_id,provider,channel,computer,message\n" + line + line);

        var first = (await ReadAll(path)).Events.Select(e => e.RecordKey).ToList();
        var second = (await ReadAll(path)).Events.Select(e => e.RecordKey).ToList();

        Assert.Equal(2, first.Distinct().Count());
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task OnlyEventsInsideTheRequestedRangeAreReturned()
    {
        var path = Write("range.csv", """
            time_created,level,event_id
            2026-02-16T13:59:59Z,Information,1
            2026-02-16T14:00:00Z,Information,2
            2026-02-16T15:00:00Z,Information,3
            """);
        var options = new SourceReadOptions { From = new DateTime(2026, 2, 16, 14, 0, 0, DateTimeKind.Utc), To = new DateTime(2026, 2, 16, 15, 0, 0, DateTimeKind.Utc) };

        var events = new List<LogEvent>();
        await foreach (var e in SourceFactory.Create("file:" + path).ReadAsync(options, CancellationToken.None))
        {
            events.Add(e);
        }

        Assert.Equal([2L], events.Select(e => e.EventId));
    }
}
