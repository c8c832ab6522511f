using Vigil.Collectors.Tests.Support;
using Vigil.Collectors.Text;
using Vigil.Core.Events;

namespace Vigil.Collectors.Tests.Text;

public sealed class TextFileSourceTests
{
    [Theory]
    [InlineData("Linux")]
    [InlineData("OpenSSH")]
    [InlineData("Apache")]
    [InlineData("HDFS")]
    public async Task EveryLineOfARealLogBecomesOneRecordWithNothingSkipped(string name)
    {
        var path = TestData.Loghub(name);
        var warnings = new List<string>();

        var events = await SourceDrain.ReadAllAsync(TextFileSource.Create("text:" + path)!, warnings.Add);

        Assert.Empty(warnings);
        Assert.Equal(File.ReadLines(path).Count(), events.Count);
        Assert.Equal(events.Count, events.Select(e => e.RecordKey).Distinct().Count());
        Assert.All(events, e => Assert.Equal(Path.GetFileName(path), e.Channel));
    }

    [Fact]
    public async Task SyslogRecordsNameProgramAndHost()
    {
        var events = await SourceDrain.ReadAllAsync(TextFileSource.Create("syslog:" + TestData.Loghub("OpenSSH"))!);

        var first = events[0];
        Assert.Equal(("sshd", "LabSZ", 0L), (first.Provider, first.Computer, first.EventId));
        Assert.Equal("reverse mapping checking getaddrinfo for ns.marryaldkfaczcz.com [173.234.31.186] failed - POSSIBLE BREAK-IN ATTEMPT!", first.Message);
        Assert.Equal((12, 10, 6, 55, 46), (first.TimeCreated.Month, first.TimeCreated.Day, first.TimeCreated.Hour, first.TimeCreated.Minute, first.TimeCreated.Second));
    }

    [Fact]
    public async Task StackTracesJoinTheRecordTheyFollow()
    {
        using var dir = new TempDirectory();
        var path = dir.File("app.log");
        await File.WriteAllTextAsync(path, """
            2024-01-02 03:04:05,123 ERROR [main] com.acme.Job: failed
            java.lang.IllegalStateException: boom
            	at com.acme.Job.run(Job.java:12)
            Caused by: java.io.IOException: disk
            2024-01-02 03:04:06,000 INFO [main] com.acme.Job: retrying

            """);

        var events = await SourceDrain.ReadAllAsync(TextFileSource.Create("text:" + path)!);

        Assert.Equal(2, events.Count);
        Assert.Equal("failed\njava.lang.IllegalStateException: boom\n\tat com.acme.Job.run(Job.java:12)\nCaused by: java.io.IOException: disk", events[0].Message);
        Assert.Equal((LevelMapping.Error, "com.acme.Job"), (events[0].Level, events[0].Provider));
        Assert.Equal("retrying", events[1].Message);
    }

    [Fact]
    public async Task LinesWithoutATimestampBeforeAnyRecordAreSkippedAndReportedAndLaterOnesAreRecordsOfTheirOwn()
    {
        using var dir = new TempDirectory();
        var path = dir.File("app.log");
        await File.WriteAllTextAsync(path, "garbage first\n" + LogWriter.Line(1) + "more garbage\n" + LogWriter.Line(2));
        var warnings = new List<string>();

        var events = await SourceDrain.ReadAllAsync(TextFileSource.Create("text:" + path)!, warnings.Add);

        Assert.Equal(["line 1", "more garbage", "line 2"], events.Select(e => e.Message));
        Assert.Equal(events[0].TimeCreated, events[1].TimeCreated);
        var warning = Assert.Single(warnings);
        Assert.Equal($"text:{path}: 1 line skipped (first at line 1 of {path}: no timestamp in a known format)", warning);
    }

    [Fact]
    public async Task AMissingFileIsAOneLineSourceError()
    {
        using var dir = new TempDirectory();

        var error = await Assert.ThrowsAsync<SourceException>(() => SourceDrain.ReadAllAsync(TextFileSource.Create("text:" + dir.File("nope.log"))!));

        Assert.Contains("no file matches", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task AGlobReadsEveryMatchingFile()
    {
        using var dir = new TempDirectory();
        var writer = new LogWriter();
        writer.Append(dir.File("a.log"), 3);
        writer.Append(dir.File("b.log"), 4);

        var events = await SourceDrain.ReadAllAsync(TextFileSource.Create("text:" + dir.File("*.log"))!);

        Assert.Equal(writer.ExpectedMessages().Order(), events.Select(e => e.Message!).Order());
        Assert.Equal(["a.log", "b.log"], events.Select(e => e.Channel).Distinct().Order());
    }
}
