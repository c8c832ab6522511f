using Vigil.Collectors.Text.Parsing;
using Vigil.Core.Events;

namespace Vigil.Collectors.Tests.Text;

public sealed class LogLineParserTests
{
    private static readonly LineContext Utc2024 = new(new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc), TimeZoneInfo.Utc);

    [Fact]
    public void Rfc3164LinesTakeTheFileYearAndGiveTagAndHost()
    {
        var ok = LogLineParser.TryParse("Feb 14 15:16:01 combo sshd(pam_unix)[19939]: check pass; user unknown", Utc2024, out var p, out _);

        Assert.True(ok);
        Assert.Equal(new DateTime(2024, 2, 14, 15, 16, 1, DateTimeKind.Utc), p.TimeUtc);
        Assert.Equal("sshd(pam_unix)", p.Provider);
        Assert.Equal("combo", p.Host);
        Assert.Equal("check pass; user unknown", p.Message);
        Assert.Equal(LevelMapping.Information, p.Level);
    }

    [Fact]
    public void Rfc3164DatesAfterTheFileWasWrittenBelongToTheYearBefore()
    {
        LogLineParser.TryParse("Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster", Utc2024, out var p, out _);

        Assert.Equal(new DateTime(2023, 12, 10, 6, 55, 46, DateTimeKind.Utc), p.TimeUtc);
        Assert.Equal("sshd", p.Provider);
    }

    [Theory]
    [InlineData("<11>Feb  3 01:02:03 web app: disk failing", LevelMapping.Error)]
    [InlineData("<10>Feb  3 01:02:03 web app: disk gone", LevelMapping.Critical)]
    [InlineData("<12>Feb  3 01:02:03 web app: disk slow", LevelMapping.Warning)]
    [InlineData("<13>Feb  3 01:02:03 web app: disk fine", LevelMapping.Information)]
    public void ThePriorityGivesTheLevel(string line, int level)
    {
        LogLineParser.TryParse(line, Utc2024, out var p, out _);

        Assert.Equal(level, p.Level);
        Assert.Equal(new DateTime(2024, 2, 3, 1, 2, 3, DateTimeKind.Utc), p.TimeUtc);
    }

    [Fact]
    public void Rfc5424LinesGiveAppHostAndMessageAfterStructuredData()
    {
        var ok = LogLineParser.TryParse(
            "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 [exampleSDID@32473 iut=\"3\" x=\"a]b\"] 'su root' failed",
            Utc2024,
            out var p,
            out _);

        Assert.True(ok);
        Assert.Equal(new DateTime(2003, 10, 11, 22, 14, 15, 3, DateTimeKind.Utc), p.TimeUtc);
        Assert.Equal(("su", "mymachine.example.com", "'su root' failed"), (p.Provider, p.Host, p.Message));
        Assert.Equal(LevelMapping.Critical, p.Level);
    }

    [Fact]
    public void ApacheErrorLinesGiveTheLevelInBrackets()
    {
        LogLineParser.TryParse("[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6", Utc2024, out var p, out _);

        Assert.Equal(new DateTime(2005, 12, 4, 4, 47, 44, DateTimeKind.Utc), p.TimeUtc);
        Assert.Equal(LevelMapping.Error, p.Level);
        Assert.Equal("mod_jk child workerEnv in error state 6", p.Message);
    }

    [Fact]
    public void HadoopLinesGiveLoggerAndLevel()
    {
        LogLineParser.TryParse("081109 203615 148 WARN dfs.DataNode$PacketResponder: PacketResponder 1 terminating", Utc2024, out var p, out _);

        Assert.Equal(new DateTime(2008, 11, 9, 20, 36, 15, DateTimeKind.Utc), p.TimeUtc);
        Assert.Equal((LevelMapping.Warning, "dfs.DataNode$PacketResponder", "PacketResponder 1 terminating"), (p.Level, p.Provider, p.Message));
    }

    [Theory]
    [InlineData("2024-01-02 03:04:05,123 ERROR [main] com.acme.Foo: boom", LevelMapping.Error, "com.acme.Foo", "boom")]
    [InlineData("2024-01-02T03:04:05.123Z WARN  Worker - slow", LevelMapping.Warning, "Worker", "slow")]
    [InlineData("[2024-01-02 03:04:05] local.CRITICAL: gone", LevelMapping.Critical, null, "gone")]
    [InlineData("2024-01-02 03:04:05.123 [INF] started", LevelMapping.Information, null, "started")]
    public void IsoTimestampedApplicationLinesGiveLevelWordAndLogger(string line, int level, string? logger, string message)
    {
        var ok = LogLineParser.TryParse(line, Utc2024, out var p, out _);

        Assert.True(ok);
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), new DateTime(p.TimeUtc.Ticks - (p.TimeUtc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc));
        Assert.Equal((level, logger, message), (p.Level, p.Provider, p.Message));
    }

    [Fact]
    public void ZoneOffsetsAreAppliedToIsoTimestamps()
    {
        LogLineParser.TryParse("2024-01-02T03:04:05+02:00 web01 nginx[12]: up", Utc2024, out var p, out _);

        Assert.Equal(new DateTime(2024, 1, 2, 1, 4, 5, DateTimeKind.Utc), p.TimeUtc);
        Assert.Equal(("nginx", "web01", "up"), (p.Provider, p.Host, p.Message));
    }

    [Theory]
    [InlineData("hello world")]
    [InlineData("Foo 99 12:00:00 host x: y")]
    [InlineData("2024-13-02 03:04:05 ERROR bad month")]
    public void LinesWithoutAKnownTimestampAreNotRecords(string line)
    {
        Assert.False(LogLineParser.TryParse(line, Utc2024, out _, out var reason));
        Assert.NotEmpty(reason);
    }

    [Theory]
    [InlineData("\tat com.acme.Foo.bar(Foo.java:12)", true)]
    [InlineData("java.lang.IllegalStateException: boom", true)]
    [InlineData("Caused by: java.io.IOException: disk", true)]
    [InlineData("random words here", false)]
    public void StackTraceLinesAreContinuations(string line, bool continuation)
    {
        Assert.Equal(continuation, LogLineParser.IsContinuation(line));
    }
}
