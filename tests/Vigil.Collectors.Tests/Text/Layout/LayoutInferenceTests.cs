using Vigil.Collectors.Tests.Support;
using Vigil.Collectors.Text.Layout;
using Vigil.Collectors.Text.Parsing;
using Vigil.Core.Events;

namespace Vigil.Collectors.Tests.Text.Layout;

public sealed class LayoutInferenceTests
{
    private static readonly LineContext Utc = new(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), TimeZoneInfo.Utc);

    public static TheoryData<string> AllLayouts() => [.. LayoutSamples.Layouts.Keys];

    [Theory]
    [MemberData(nameof(AllLayouts))]
    public void EveryLineOfALayoutGivesItsTrueTimeAndItsMessageWithoutTheHeader(string name)
    {
        var lines = LayoutSamples.Lines(name);

        var layout = LayoutInference.Infer([.. lines.Select(l => l.Line)], Utc);

        Assert.NotNull(layout);
        foreach (var (line, time, message) in lines)
        {
            Assert.True(layout!.TryParse(line, Utc, out var parsed), $"{name}: not read: {line}");
            Assert.Equal(time, parsed.TimeUtc);
            Assert.Equal(message, parsed.Message);
        }
    }

    [Fact]
    public void TheFirstPlausibleTimestampIsTakenAndTheOthersAreNamed()
    {
        var lines = LayoutSamples.Lines("thunderbird").Select(l => l.Line).ToList();

        var layout = LayoutInference.Infer(lines, Utc)!;

        Assert.Equal(TimestampStyle.Epoch, layout.Style);
        Assert.Equal(1, layout.Column);
        Assert.Contains(layout.OtherTimestamps, o => o.StartsWith("column 3: yyyy-MM-dd", StringComparison.Ordinal) || o.StartsWith("column 5: MMM", StringComparison.Ordinal));
    }

    [Fact]
    public void ADateInsideAFileNameIsNotTheTimestamp()
    {
        var lines = LayoutSamples.Lines("openstack").Select(l => l.Line).ToList();

        var layout = LayoutInference.Infer(lines, Utc)!;

        Assert.Equal(1, layout.Column);
        Assert.Equal(TimestampStyle.IsoLike, layout.Style);
    }

    [Fact]
    public void LevelsComponentsAndHostsComeFromTheirColumns()
    {
        var logcat = LayoutInference.Infer([.. LayoutSamples.Lines("logcat").Select(l => l.Line)], Utc)!;
        var mac = LayoutInference.Infer([.. LayoutSamples.Lines("macos").Select(l => l.Line)], Utc)!;

        logcat.TryParse("11-28 21:17:03.250  1004  2028 E ActivityManager: ANR in com.example", Utc, out var error);
        mac.TryParse("Nov 28 21:17:03 calvisitor-10-105-160-1 kernel[0]: Wake reason: RTC", Utc, out var kernel);

        Assert.Equal(LevelMapping.Error, error.Level);
        Assert.Equal("ActivityManager", error.Provider);
        Assert.Equal("kernel", kernel.Provider);
        Assert.Equal("calvisitor-10-105-160-1", kernel.Host);
    }

    [Fact]
    public void AFileWithoutYearsThatCrossesNewYearPutsDecemberInTheYearBefore()
    {
        var start = new DateTime(2026, 12, 31, 22, 0, 0, DateTimeKind.Utc);
        var lines = LayoutSamples.Lines("logcat", 300, start, 60);
        var writtenInJanuary = new LineContext(new DateTime(2027, 1, 1, 3, 0, 0, DateTimeKind.Utc), TimeZoneInfo.Utc);

        var layout = LayoutInference.Infer([.. lines.Select(l => l.Line)], writtenInJanuary)!;
        var times = lines.Select(l => layout.TryParse(l.Line, writtenInJanuary, out var p) ? p.TimeUtc : default).ToList();

        Assert.Equal(lines.Select(l => l.Time), times);
        Assert.Contains(times, t => t.Year == 2026);
        Assert.Contains(times, t => t.Year == 2027);
        Assert.All(times, t => Assert.True(t <= writtenInJanuary.FileWrittenUtc));
    }

    [Fact]
    public void TimesWhosePartsAreNotZeroPaddedAreReadPastMidnightWhenTheFirstLinesArePadded()
    {
        // The first lines (22:15:29 ... 23:59:xx) are padded as a fixed width would be; after midnight the hour is one digit.
        var lines = LayoutSamples.Lines("healthapp-unpadded", 300, new DateTime(2017, 12, 23, 22, 15, 29, 606, DateTimeKind.Utc), 37);

        var layout = LayoutInference.Infer([.. lines.Take(50).Select(l => l.Line)], Utc)!;
        var times = lines.Select(l => layout.TryParse(l.Line, Utc, out var p) ? p.TimeUtc : default).ToList();

        Assert.Contains(lines, l => l.Line.StartsWith("20171224-0:", StringComparison.Ordinal));
        Assert.Equal(lines.Select(l => l.Time), times);
    }

    [Fact]
    public void EpochFieldsInSecondsAndMillisecondsAreUtcAndSmallNumbersAreNot()
    {
        var seconds = LayoutInference.Infer([.. LayoutSamples.Lines("hpc").Select(l => l.Line)], Utc)!;
        var millis = LayoutInference.Infer([.. LayoutSamples.Lines("epoch-ms").Select(l => l.Line)], Utc)!;

        Assert.Equal((TimestampStyle.Epoch, 4), (seconds.Style!.Value, seconds.Column));
        Assert.Equal((TimestampStyle.Epoch, 0), (millis.Style!.Value, millis.Column));
    }

    [Fact]
    public void MessagesWithoutAnyTimestampHaveNoLayout()
    {
        var lines = Enumerable.Range(0, 200).Select(LayoutSamples.Message).ToList();

        Assert.Null(LayoutInference.Infer(lines, Utc));
    }

    [Fact]
    public void StackTracesMakeAFileMultiLineAndPlainLinesDoNot()
    {
        var plain = LayoutSamples.Lines("log4j").Select(l => l.Line).ToList();
        var traced = plain.Take(50).Concat(["java.lang.IllegalStateException: boom", "\tat com.acme.Foo.bar(Foo.java:12)"]).Concat(plain.Skip(50)).ToList();

        Assert.False(LayoutInference.Infer(plain, Utc)!.Multiline);
        Assert.True(LayoutInference.Infer(traced, Utc)!.Multiline);
    }
}
